import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import {
  ConflictError,
  NotFoundError,
  PG_FOREIGN_KEY_VIOLATION,
  PG_UNIQUE_VIOLATION,
  pgErrorCode,
  ValidationError,
} from '../common/errors';
import { Page, PageQuery, paginate } from '../common/pagination';
import { ServiceReferences } from './service-references';
import { isBuiltInService } from './built-in-services';
import { Service } from './service.entity';
import { CreateServiceDto, UpdateServiceDto } from './services.dto';

@Injectable()
export class ServicesService {
  constructor(
    @InjectRepository(Service) private readonly services: Repository<Service>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly references: ServiceReferences,
  ) {}

  async create(dto: CreateServiceDto): Promise<Service> {
    try {
      const saved = await this.services.save(
        this.services.create({
          name: dto.name.trim(),
          description: dto.description ?? null,
          escalationPolicyId: dto.escalationPolicyId.toLowerCase(),
          ackTimeoutMinutes: dto.ackTimeoutMinutes ?? null,
          autoResolveMinutes: dto.autoResolveMinutes ?? null,
          slackChannelId: dto.slackChannelId ?? null,
        }),
      );
      return this.get(saved.id);
    } catch (e) {
      throw this.translate(e, dto);
    }
  }

  list(query: PageQuery): Promise<Page<Service>> {
    return paginate(this.services.createQueryBuilder('s'), 's', query);
  }

  async get(id: string): Promise<Service> {
    const service = await this.services.findOne({ where: { id } });
    if (!service) throw new NotFoundError('service', id);
    return service;
  }

  async update(id: string, dto: UpdateServiceDto): Promise<Service> {
    const service = await this.get(id);
    if (isBuiltInService(service.id)) refuseBuiltInChange(service, dto);
    if (dto.name !== undefined) service.name = dto.name.trim();
    if (dto.description !== undefined) service.description = dto.description ?? null;
    if (dto.escalationPolicyId !== undefined) service.escalationPolicyId = dto.escalationPolicyId.toLowerCase();
    if (dto.ackTimeoutMinutes !== undefined) service.ackTimeoutMinutes = dto.ackTimeoutMinutes ?? null;
    if (dto.autoResolveMinutes !== undefined) service.autoResolveMinutes = dto.autoResolveMinutes ?? null;
    if (dto.slackChannelId !== undefined) service.slackChannelId = dto.slackChannelId ?? null;
    try {
      await this.services.save(service);
    } catch (e) {
      throw this.translate(e, dto);
    }
    return this.get(id);
  }

  /** Deletes the service with its integrations, monitors and incident history (cascade). */
  async remove(id: string): Promise<void> {
    if (isBuiltInService(id)) {
      throw new ConflictError('the Direct pages service is built in and cannot be deleted: it holds every incident opened by hand for people or schedules');
    }
    await this.dataSource.transaction(async (em) => {
      const service = await em.getRepository(Service).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!service) throw new NotFoundError('service', id);
      // An event router still routing here would have nowhere to put its alerts: refused, naming the routers.
      const refs = await this.references.find(id, em);
      if (refs.length) {
        throw new ConflictError(`service ${id} is still the target of ${refs.map((r) => `${r.kind} "${r.name}"`).join(', ')}`, {
          references: refs,
        });
      }
      await em.getRepository(Service).delete({ id });
    });
  }

  /** Ids among `ids` that are not services (for validating references elsewhere). */
  async missingIds(ids: string[]): Promise<string[]> {
    const unique = [...new Set(ids)];
    if (!unique.length) return [];
    const found = await this.services.find({ where: { id: In(unique) }, select: { id: true } });
    const present = new Set(found.map((s) => s.id));
    return unique.filter((id) => !present.has(id));
  }

  private translate(e: unknown, dto: Partial<CreateServiceDto>): unknown {
    const code = pgErrorCode(e);
    if (code === PG_FOREIGN_KEY_VIOLATION) {
      return ValidationError.field('escalationPolicyId', `escalation policy ${dto.escalationPolicyId} does not exist`);
    }
    if (code === PG_UNIQUE_VIOLATION) return new ConflictError(`a service named "${dto.name}" already exists`);
    return e;
  }
}

/** The built-in Direct pages service keeps its name and has no policy: only its other settings change. */
function refuseBuiltInChange(service: Service, dto: UpdateServiceDto): void {
  if (dto.name !== undefined && dto.name.trim() !== service.name) {
    throw new ConflictError('the Direct pages service is built in and cannot be renamed');
  }
  if (dto.escalationPolicyId !== undefined) {
    throw new ConflictError('the Direct pages service is built in and has no escalation policy: each of its incidents pages the targets it was opened with');
  }
}
