import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { DAY_MS, shifts } from '../schedules/resolution';
import { SchedulesService } from '../schedules/schedules.service';
import { UsersService } from '../users/users.service';
import { WebhookEvents } from '../webhooks/webhook-events';
import { edgeAt, offcallText, oncallText, onCallNowText, userChanges, userIntervals } from './core';
import { HandoffChannel, HandoffMessagesRepository } from './handoff-messages.repository';
import { HandoffPlannerService } from './handoff-planner.service';
import { HandoffRulesRepository } from './handoff-rules.repository';
import { HandoffTimer, HandoffTimersRepository } from './handoff-timers.repository';

/** How far either side of an edge a firing timer renders the schedule to find the shift's other end. */
const CHECK_SPAN_MS = 35 * DAY_MS;
const HANDOFF_CHANNELS = new Set<string>(['sms', 'email', 'slack']);

/**
 * Fires due handoff timers, each in its own transaction with the timer row
 * locked (`FOR UPDATE SKIP LOCKED`): one worker fires each, and the timer is
 * deleted in the transaction that writes its message. Every firing re-reads
 * the current final schedule and does nothing when the edge is no longer
 * there; a message's unique key makes a second firing of the same edge (a
 * timer re-planned after it fired) write nothing.
 */
@Injectable()
export class HandoffTimerClaimerService {
  private readonly logger = new Logger(HandoffTimerClaimerService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly timers: HandoffTimersRepository,
    private readonly rules: HandoffRulesRepository,
    private readonly messages: HandoffMessagesRepository,
    private readonly planner: HandoffPlannerService,
    private readonly schedules: SchedulesService,
    private readonly users: UsersService,
    private readonly webhookEvents: WebhookEvents,
    private readonly clock: Clock,
  ) {}

  /** Arms the daily horizon timer unless it exists (every worker at start). */
  armHorizon(): Promise<void> {
    return this.timers.ensureHorizon(this.clock.now());
  }

  nextDueAt(): Promise<Date | null> {
    return this.timers.nextDueAt();
  }

  /** Fires up to `limit` due timers; returns how many were due. */
  async fireDue(limit = 100): Promise<number> {
    const now = this.clock.now();
    const ids = await this.timers.dueIds(now, limit);
    for (const id of ids) await this.fireOne(id, now);
    return ids.length;
  }

  private async fireOne(id: string, now: Date): Promise<void> {
    try {
      await this.dataSource.transaction(async (em) => {
        const timer = await this.timers.lockDue(em, id, now);
        if (!timer) return; // another worker has it, or it is gone
        await this.timers.delete(em, timer.id);
        await this.fire(em, timer, now);
      });
    } catch (e) {
      this.logger.error({ err: e, timerId: id }, 'handoff timer failed; retrying later');
      await this.timers.retryLater(id, now);
    }
  }

  private async fire(em: EntityManager, timer: HandoffTimer, now: Date): Promise<void> {
    if (timer.kind === 'horizon') {
      // Recomputing arms the next daily pass (a day from now) in this transaction.
      const n = await this.planner.recomputeAll(em, now);
      this.logger.log({ schedules: n }, 'handoff timers extended to the horizon');
      return;
    }
    if (timer.kind === 'edge') return this.fireEdge(em, timer.scheduleId, timer.edgeAt, now);
    return this.fireRule(em, timer, now);
  }

  /** The schedule's final rendering around `at`, or null when the schedule is gone. */
  private async around(em: EntityManager, scheduleId: string, at: number) {
    const window = { since: new Date(at - CHECK_SPAN_MS), until: new Date(at + CHECK_SPAN_MS) };
    const found = await this.schedules.findCompiled(scheduleId, em, window);
    if (!found) return null;
    const { schedule, compiled } = found;
    return { schedule, rendering: shifts(compiled, window.since, window.until), since: window.since.getTime(), until: window.until.getTime() };
  }

  private async fireRule(em: EntityManager, timer: Extract<HandoffTimer, { kind: 'rule' }>, now: Date): Promise<void> {
    const rule = await this.rules.target(em, timer.ruleId);
    if (!rule || !rule.enabled || !HANDOFF_CHANNELS.has(rule.channel)) return;
    const at = timer.edgeAt.getTime();
    const found = await this.around(em, timer.scheduleId, at);
    if (!found) return;
    const edge = edgeAt(userIntervals(found.rendering, rule.userId), found.since, found.until, timer.edgeType, at);
    const fields = { ruleId: rule.id, userId: rule.userId, scheduleId: timer.scheduleId, type: timer.edgeType, at: timer.edgeAt.toISOString() };
    if (!edge) {
      this.logger.log(fields, 'handoff no longer at that instant: nothing sent');
      return;
    }
    const name = found.schedule.name;
    const text =
      edge.type === 'oncall' ? oncallText(name, at, edge.interval.end, rule.timeZone) : offcallText(name, edge.interval.start, at, rule.timeZone);
    const written = await this.messages.insert(em, [
      {
        key: `handoff:${rule.id}:${timer.scheduleId}:${edge.type}:${timer.edgeAt.toISOString()}`,
        kind: edge.type,
        userId: rule.userId,
        scheduleId: timer.scheduleId,
        channel: rule.channel as HandoffChannel,
        address: rule.address,
        subject: edge.type === 'oncall' ? `On call for ${name}` : `Off call for ${name}`,
        text,
        dueAt: now,
      },
    ]);
    if (written) this.logger.log(fields, 'handoff notification queued');
  }

  /**
   * A change of the final on-call user: the one place where a handoff is
   * known to have happened: the `oncall.handoff` webhook event (once per
   * change, from one user to the next) and the Slack channel's
   * "On call now" post.
   */
  private async fireEdge(em: EntityManager, scheduleId: string, edge: Date, now: Date): Promise<void> {
    const at = edge.getTime();
    const found = await this.around(em, scheduleId, at);
    if (!found) return;
    const change = userChanges(found.rendering, found.until).find((c) => c.at === at);
    if (!change) return;
    const names = await this.users.names([change.from, change.to, change.next].filter((u): u is string => !!u));
    const person = (u: string | null | undefined) => (u ? { id: u, name: names.get(u) ?? u } : null);
    await this.webhookEvents.enqueue(em, {
      type: 'oncall.handoff',
      occurredAt: edge,
      data: {
        schedule: { id: scheduleId, name: found.schedule.name, timeZone: found.schedule.timeZone },
        from: person(change.from),
        to: person(change.to),
        until: change.until ? new Date(change.until).toISOString() : null,
        next: person(change.next),
      },
    });
    this.logger.log({ scheduleId, at: edge.toISOString(), from: change.from, to: change.to }, 'on-call handoff');
    const channel = found.schedule.slackChannelId;
    if (!channel) return;
    const name = (u: string | null | undefined) => (u === undefined ? undefined : u === null ? null : (names.get(u) ?? u));
    await this.messages.insert(em, [
      {
        key: `on-call-now:${scheduleId}:${edge.toISOString()}`,
        kind: 'on-call-now',
        userId: null,
        scheduleId,
        channel: 'slack',
        address: channel,
        subject: `On call now for ${found.schedule.name}`,
        text: onCallNowText(name(change.to) ?? null, change.until, name(change.next), found.schedule.timeZone),
        dueAt: now,
      },
    ]);
  }
}
