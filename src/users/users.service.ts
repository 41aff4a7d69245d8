import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { ConflictError, NotFoundError, PG_UNIQUE_VIOLATION, pgErrorCode, ValidationError } from '../common/errors';
import { Page, PageQuery, paginate } from '../common/pagination';
import { isEmail } from 'class-validator';
import { E164, SLACK_USER_ID } from '../common/validators';
import type { ChannelType } from './contact-method-type';
import { ContactMethod } from './contact-method.entity';
import { NotificationRule } from './notification-rule.entity';
import { User } from './user.entity';
import { UserReferences } from './user-references';
import { UsersRepository } from './users.repository';
import { CreateContactMethodDto, CreateNotificationRuleDto, CreateUserDto, UpdateUserDto } from './users.dto';


/** Normalises and checks a contact address for its type; throws a 400 naming `address`. */
export function normaliseAddress(type: ChannelType, raw: string): string {
  const address = raw.trim();
  switch (type) {
    case 'sms':
    case 'voice': {
      const compact = address.replace(/[\s().-]/g, '');
      if (!E164.test(compact)) throw ValidationError.field('address', 'must be an E.164 phone number such as +14155550123');
      return compact;
    }
    case 'email':
      if (!isEmail(address)) throw ValidationError.field('address', 'must be an email address');
      return address.toLowerCase();
    case 'slack':
      if (!SLACK_USER_ID.test(address)) throw ValidationError.field('address', 'must be a Slack user id such as U024BE7LH');
      return address;
  }
}

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(ContactMethod) private readonly contactMethods: Repository<ContactMethod>,
    @InjectRepository(NotificationRule) private readonly rules: Repository<NotificationRule>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly references: UserReferences,
    private readonly sql: UsersRepository,
  ) {}

  async create(dto: CreateUserDto): Promise<User> {
    try {
      const user = await this.users.save(
        this.users.create({ name: dto.name.trim(), email: dto.email.toLowerCase(), timeZone: dto.timeZone ?? 'UTC', role: dto.role ?? 'responder' }),
      );
      return this.get(user.id);
    } catch (e) {
      throw this.translate(e);
    }
  }

  /** The id of the user with this email (emails are unique and kept in lower case); null when there is none. */
  async idByEmail(email: string): Promise<string | null> {
    return (await this.findByEmail(email))?.id ?? null;
  }

  /** The user with this email (any case), without contact methods or rules: for console sign-in. Null when there is none. */
  findByEmail(email: string): Promise<User | null> {
    return this.users.findOne({ where: { email: email.trim().toLowerCase() } });
  }

  async get(id: string): Promise<User> {
    const user = await this.users.findOne({ where: { id }, relations: { contactMethods: true, notificationRules: true } });
    if (!user) throw new NotFoundError('user', id);
    return user;
  }

  list(query: PageQuery): Promise<Page<User>> {
    const qb = this.users
      .createQueryBuilder('u')
      .leftJoinAndSelect('u.contactMethods', 'cm')
      .leftJoinAndSelect('u.notificationRules', 'nr');
    return paginateWithRelations(qb, query);
  }

  async update(id: string, dto: UpdateUserDto): Promise<User> {
    await this.get(id);
    const patch: Partial<User> = {};
    if (dto.name !== undefined) patch.name = dto.name.trim();
    if (dto.email !== undefined) patch.email = dto.email.toLowerCase();
    if (dto.timeZone !== undefined) patch.timeZone = dto.timeZone;
    if (dto.role !== undefined) patch.role = dto.role;
    try {
      if (Object.keys(patch).length) await this.users.update({ id }, patch);
    } catch (e) {
      throw this.translate(e);
    }
    return this.get(id);
  }

  /** Refused with a 409 listing what still refers to the user (schedules, policies). */
  async remove(id: string): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const user = await em.getRepository(User).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new NotFoundError('user', id);
      await this.references.assertUnreferenced('user', id, em, (refs) => ({ schedules: refs.filter((r) => r.kind === 'schedule') }));
      await em.getRepository(User).delete({ id });
    });
  }

  /** Adds a contact method and, unless told not to, an immediate notification rule for it. */
  async addContactMethod(userId: string, dto: CreateContactMethodDto): Promise<ContactMethod> {
    const address = normaliseAddress(dto.type, dto.address);
    await this.get(userId);
    try {
      return await this.dataSource.transaction(async (em) => {
        const cm = await em.getRepository(ContactMethod).save({ userId, type: dto.type, address, enabled: true });
        if (dto.defaultRule !== false) {
          await em.getRepository(NotificationRule).save({ userId, contactMethodId: cm.id, delayMinutes: 0 });
        }
        return cm;
      });
    } catch (e) {
      if (pgErrorCode(e) === PG_UNIQUE_VIOLATION) throw new ConflictError(`user already has ${dto.type} contact ${address}`);
      throw e;
    }
  }

  async setContactMethodEnabled(userId: string, id: string, enabled: boolean): Promise<ContactMethod> {
    const cm = await this.contactMethods.findOne({ where: { id, userId } });
    if (!cm) throw new NotFoundError('contact method', id);
    await this.contactMethods.update({ id }, { enabled });
    return { ...cm, enabled };
  }

  async removeContactMethod(userId: string, id: string): Promise<void> {
    const res = await this.contactMethods.delete({ id, userId });
    if (!res.affected) throw new NotFoundError('contact method', id);
  }

  async addNotificationRule(userId: string, dto: CreateNotificationRuleDto): Promise<NotificationRule> {
    await this.get(userId);
    const cm = await this.contactMethods.findOne({ where: { id: dto.contactMethodId, userId } });
    if (!cm) throw ValidationError.field('contactMethodId', 'is not a contact method of this user');
    try {
      return await this.rules.save({ userId, contactMethodId: cm.id, delayMinutes: dto.delayMinutes });
    } catch (e) {
      if (pgErrorCode(e) === PG_UNIQUE_VIOLATION) {
        throw new ConflictError(`a rule with delayMinutes ${dto.delayMinutes} already exists for that contact method`);
      }
      throw e;
    }
  }

  async removeNotificationRule(userId: string, id: string): Promise<void> {
    const res = await this.rules.delete({ id, userId });
    if (!res.affected) throw new NotFoundError('notification rule', id);
  }

  /** Ids among `ids` that are not users (for validating references elsewhere). */
  async missingIds(ids: string[]): Promise<string[]> {
    const unique = [...new Set(ids)];
    if (!unique.length) return [];
    const rows: { id: string }[] = await this.users
      .createQueryBuilder('u')
      .select('u.id', 'id')
      .where('u.id = ANY(:ids::uuid[])', { ids: unique })
      .getRawMany();
    const found = new Set(rows.map((r) => r.id));
    return unique.filter((id) => !found.has(id));
  }

  /** Display names by id (ids that are not users are absent): one light query, for labels such as iCal events. */
  names(ids: string[]): Promise<Map<string, string>> {
    return this.sql.names(ids);
  }

  /**
   * A digest of these users' names: it changes when any of them is renamed,
   * so caches keyed by names (an iCal feed) check thousands without reading them.
   */
  namesVersion(ids: string[]): Promise<string> {
    return this.sql.namesVersion(ids);
  }

  /** STOP/START by SMS: every phone contact method at this address, in the caller's transaction. */
  setPhoneEnabledByAddress(em: EntityManager, types: readonly ChannelType[], address: string, enabled: boolean): Promise<void> {
    return this.sql.setEnabledByAddress(em, types, address, enabled);
  }

  /**
   * Users with their contact methods and rules, for the escalation engine and
   * policy warnings (one query each; ids that are not users are absent).
   */
  async loadSnapshots(ids: string[], em?: EntityManager): Promise<Map<string, User>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Map();
    const repo = em ? em.getRepository(User) : this.users;
    const rows = await repo.find({
      where: { id: In(unique) },
      relations: { contactMethods: true, notificationRules: true },
    });
    return new Map(rows.map((u) => [u.id, u]));
  }

  private translate(e: unknown): unknown {
    if (pgErrorCode(e) === PG_UNIQUE_VIOLATION) return new ConflictError('a user with that email already exists');
    return e;
  }
}

/** Keyset pagination over users while keeping their relations: page on ids first, then load. */
async function paginateWithRelations(
  qb: ReturnType<Repository<User>['createQueryBuilder']>,
  query: PageQuery,
): Promise<Page<User>> {
  const idsPage = await paginate(qb.clone().select(['u.id', 'u.createdAt']), 'u', query);
  if (!idsPage.items.length) return { items: [], nextCursor: null };
  const users = await qb.where('u.id IN (:...ids)', { ids: idsPage.items.map((u) => u.id) }).getMany();
  const byId = new Map(users.map((u) => [u.id, u]));
  return { items: idsPage.items.map((u) => byId.get(u.id)!).filter(Boolean), nextCursor: idsPage.nextCursor };
}
