import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { NotFoundError, ValidationError } from '../common/errors';
import { UsersService } from '../users/users.service';
import { HandoffMessage, HandoffMessagesRepository } from './handoff-messages.repository';
import { HandoffPlannerService } from './handoff-planner.service';
import { HandoffRule, HandoffRulesRepository } from './handoff-rules.repository';
import { CreateHandoffRuleDto, UpdateHandoffRuleDto } from './handoff-rules.dto';

/** Contact method types a handoff message can go to (a voice call reads pages only). */
const HANDOFF_CONTACT_TYPES = new Set(['sms', 'email', 'slack']);
const MESSAGES_LISTED = 100;

/**
 * A user's handoff rules. Every write recomputes, in its own transaction, the
 * handoff timers of every schedule the user is in.
 */
@Injectable()
export class HandoffRulesService {
  private readonly logger = new Logger(HandoffRulesService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rules: HandoffRulesRepository,
    private readonly messages: HandoffMessagesRepository,
    private readonly planner: HandoffPlannerService,
    private readonly users: UsersService,
    private readonly clock: Clock,
  ) {}

  async create(userId: string, dto: CreateHandoffRuleDto): Promise<HandoffRule> {
    await this.checkContactMethod(userId, dto.contactMethodId);
    const now = this.clock.now();
    const rule = await this.dataSource.transaction(async (em) => {
      const created = await this.rules.insert(em, { userId, contactMethodId: dto.contactMethodId.toLowerCase(), handoffType: dto.handoffType, advanceMinutes: dto.advanceMinutes }, now);
      await this.planner.recomputeUser(em, userId, now);
      return created;
    });
    this.logger.log({ userId, ruleId: rule.id, handoffType: rule.handoffType, advanceMinutes: rule.advanceMinutes }, 'handoff rule created');
    return rule;
  }

  async list(userId: string): Promise<HandoffRule[]> {
    await this.users.get(userId);
    return this.rules.list(userId);
  }

  async get(userId: string, id: string): Promise<HandoffRule> {
    const rule = await this.rules.get(userId, id);
    if (!rule) throw new NotFoundError('handoff rule', id);
    return rule;
  }

  async update(userId: string, id: string, dto: UpdateHandoffRuleDto): Promise<HandoffRule> {
    if (dto.contactMethodId !== undefined) await this.checkContactMethod(userId, dto.contactMethodId);
    const now = this.clock.now();
    return this.dataSource.transaction(async (em) => {
      const current = await this.rules.get(userId, id, em);
      if (!current) throw new NotFoundError('handoff rule', id);
      const updated = await this.rules.update(
        em,
        {
          ...current,
          contactMethodId: dto.contactMethodId?.toLowerCase() ?? current.contactMethodId,
          handoffType: dto.handoffType ?? current.handoffType,
          advanceMinutes: dto.advanceMinutes ?? current.advanceMinutes,
        },
        now,
      );
      await this.planner.recomputeUser(em, userId, now);
      return updated;
    });
  }

  /** Its pending timers go with it (cascade). */
  async remove(userId: string, id: string): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      if (!(await this.rules.delete(em, userId, id))) throw new NotFoundError('handoff rule', id);
    });
  }

  async messagesOf(userId: string): Promise<HandoffMessage[]> {
    await this.users.get(userId);
    return this.messages.ofUser(userId, MESSAGES_LISTED);
  }

  /** 404 for an unknown user; 400 naming contactMethodId for a contact method that is not the user's, or a voice one. */
  private async checkContactMethod(userId: string, contactMethodId: string): Promise<void> {
    const user = await this.users.get(userId);
    const cm = (user.contactMethods ?? []).find((c) => c.id === contactMethodId.toLowerCase());
    if (!cm) throw ValidationError.field('contactMethodId', 'is not a contact method of this user');
    if (!HANDOFF_CONTACT_TYPES.has(cm.type)) throw ValidationError.field('contactMethodId', `must be an SMS, email or Slack contact method, not ${cm.type}`);
  }
}
