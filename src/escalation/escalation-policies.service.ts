import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { ChatDestinationReferences } from '../chat/chat-destination-references';
import { ChatDestinationsService } from '../chat/chat-destinations.service';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { Clock } from '../common/clock';
import {
  ConflictError,
  FieldError,
  NotFoundError,
  PG_RESTRICT_VIOLATION,
  PG_UNIQUE_VIOLATION,
  pgErrorCode,
  ValidationError,
} from '../common/errors';
import { Page, PageQuery, paginate } from '../common/pagination';
import { ScheduleReferences } from '../schedules/schedule-references';
import { SchedulesService } from '../schedules/schedules.service';
import { UserReferences } from '../users/user-references';
import { UsersService } from '../users/users.service';
import { WebhookReferences } from '../webhooks/webhook-references';
import { WebhooksService } from '../webhooks/webhooks.service';
import { EscalationPolicyDto } from './escalation-policies.dto';
import { EscalationPoliciesRepository } from './escalation-policies.repository';
import { EscalationPolicy } from './escalation-policy.entity';
import { computePolicyWarnings, PolicyWarning, targetIdsByType } from './planner';
import { TargetDirectory } from './target-directory';

@Injectable()
export class EscalationPoliciesService implements OnModuleInit {
  constructor(
    @InjectRepository(EscalationPolicy) private readonly policies: Repository<EscalationPolicy>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly schedules: SchedulesService,
    private readonly directory: TargetDirectory,
    private readonly references: UserReferences,
    private readonly scheduleReferences: ScheduleReferences,
    private readonly clock: Clock,
    private readonly policyRefs: EscalationPoliciesRepository,
    private readonly webhooks: WebhooksService,
    private readonly webhookReferences: WebhookReferences,
    private readonly chatDestinations: ChatDestinationsService,
    private readonly chatReferences: ChatDestinationReferences,
  ) {}

  onModuleInit(): void {
    const policiesTargeting = (type: 'user' | 'schedule' | 'webhook' | 'chat') => async (id: string, em: EntityManager) => {
      const rows = await this.policyRefs.targeting(em, type, id);
      return rows.map((r) => ({ kind: 'escalation-policy', id: r.id, name: r.name }));
    };
    this.references.register(policiesTargeting('user'));
    this.scheduleReferences.register(policiesTargeting('schedule'));
    this.webhookReferences.register(policiesTargeting('webhook'));
    this.chatReferences.register(policiesTargeting('chat'));
  }

  async create(dto: EscalationPolicyDto): Promise<EscalationPolicy> {
    await this.checkTargets(dto);
    try {
      return await this.policies.save(this.policies.create({ name: dto.name.trim(), repeat: dto.repeat, levels: dto.levels }));
    } catch (e) {
      throw this.translate(e);
    }
  }

  async get(id: string): Promise<EscalationPolicy> {
    const p = await this.policies.findOne({ where: { id } });
    if (!p) throw new NotFoundError('escalation policy', id);
    return p;
  }

  list(query: PageQuery): Promise<Page<EscalationPolicy>> {
    return paginate(this.policies.createQueryBuilder('p'), 'p', query);
  }

  /** Replaces the policy. Running incidents keep the snapshot taken when they started. */
  async update(id: string, dto: EscalationPolicyDto): Promise<EscalationPolicy> {
    const existing = await this.get(id);
    await this.checkTargets(dto);
    try {
      existing.name = dto.name.trim();
      existing.repeat = dto.repeat;
      existing.levels = dto.levels;
      return await this.policies.save(existing);
    } catch (e) {
      throw this.translate(e);
    }
  }

  async remove(id: string): Promise<void> {
    try {
      const res = await this.policies.delete({ id });
      if (!res.affected) throw new NotFoundError('escalation policy', id);
    } catch (e) {
      if (pgErrorCode(e) === PG_RESTRICT_VIOLATION) {
        throw new ConflictError('escalation policy is used by services; point them at another policy first');
      }
      throw e;
    }
  }

  async warnings(policy: EscalationPolicy): Promise<PolicyWarning[]> {
    const now = this.clock.now();
    const ctx = await this.directory.loadForWarnings(policy.levels, now);
    return computePolicyWarnings(policy, ctx, now);
  }

  private async checkTargets(dto: EscalationPolicyDto): Promise<void> {
    const ids = targetIdsByType(dto.levels);
    const missingUsers = new Set(await this.users.missingIds(ids.user));
    const existingSchedules = new Set(await this.schedules.existingIds(ids.schedule));
    const webhooks = await this.webhooks.states(ids.webhook);
    const existingRooms = new Set((await this.chatDestinations.findMany(ids.chat)).map((d) => d.id));
    const errors: FieldError[] = [];
    dto.levels.forEach((l, i) =>
      l.targets.forEach((t, j) => {
        if (t.type === 'user' && missingUsers.has(t.id)) {
          errors.push({ field: `levels.${i}.targets.${j}.id`, message: `no user ${t.id}` });
        }
        if (t.type === 'schedule' && !existingSchedules.has(t.id)) {
          errors.push({ field: `levels.${i}.targets.${j}.id`, message: `no schedule ${t.id}` });
        }
        if (t.type === 'webhook' && !webhooks.has(t.id)) {
          errors.push({ field: `levels.${i}.targets.${j}.id`, message: `no webhook ${t.id}` });
        }
        if (t.type === 'chat' && !existingRooms.has(t.id)) {
          errors.push({ field: `levels.${i}.targets.${j}.id`, message: `no chat destination ${t.id}` });
        }
      }),
    );
    if (errors.length) throw new ValidationError(errors);
  }

  private translate(e: unknown): unknown {
    if (pgErrorCode(e) === PG_UNIQUE_VIOLATION) return new ConflictError('an escalation policy with that name already exists');
    return e;
  }
}
