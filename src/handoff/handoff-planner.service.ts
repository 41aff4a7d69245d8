import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { CompiledSchedule, DAY_MS, shifts } from '../schedules/resolution';
import { ScheduleChange, ScheduleChangeListener, ScheduleChanges } from '../schedules/schedule-changes';
import { CompiledScheduleRow, SchedulesService } from '../schedules/schedules.service';
import { UsersService } from '../users/users.service';
import {
  diffShifts,
  HANDOFF_HORIZON_DAYS,
  HANDOFF_HORIZON_MS,
  isNoticeable,
  planEdgeTimers,
  planRuleTimers,
  planWindow,
  shiftChangeText,
  userIntervals,
} from './core';
import { HandoffMessagesRepository, NewHandoffMessage } from './handoff-messages.repository';
import { HandoffRulesRepository } from './handoff-rules.repository';
import { HandoffTimersRepository, NewHandoffTimer } from './handoff-timers.repository';

/**
 * Plans handoff timers and sends shift-change notices. Registered with the
 * schedules module at start: every schedule, layer or override write calls
 * `scheduleChanged` in its own transaction, so the timers always match the
 * committed schedule.
 */
@Injectable()
export class HandoffPlannerService implements OnModuleInit, ScheduleChangeListener {
  private readonly logger = new Logger(HandoffPlannerService.name);

  constructor(
    private readonly changes: ScheduleChanges,
    private readonly schedules: SchedulesService,
    private readonly users: UsersService,
    private readonly rules: HandoffRulesRepository,
    private readonly timers: HandoffTimersRepository,
    private readonly messages: HandoffMessagesRepository,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.changes.register(this);
  }

  async scheduleChanged(em: EntityManager, change: ScheduleChange): Promise<void> {
    const now = this.clock.now();
    const after = (await this.recompute(em, [change.scheduleId], now)).get(change.scheduleId);
    if (after && change.before && (change.kind === 'layers' || change.kind === 'override')) await this.noticeShiftChanges(em, change.scheduleId, change.before, after, now);
  }

  /** Recomputes the timers of every schedule the user is in (after a change of one of their rules). */
  async recomputeUser(em: EntityManager, userId: string, now: Date): Promise<void> {
    await this.recompute(em, await this.schedules.scheduleIdsOfUser(em, userId, now), now);
  }

  /** The daily pass: every schedule, so the horizon moves on when nothing changes. */
  async recomputeAll(em: EntityManager, now: Date): Promise<number> {
    const ids = await this.schedules.allIds(em);
    await this.recompute(em, ids, now);
    return ids.length;
  }

  /**
   * Replaces the pending timers of these schedules with those of their
   * current final schedule, in the caller's transaction: one per rule and
   * edge of its user's merged on-call time, and one per change of the final
   * on-call user. Returns the schedules as loaded, compiled over
   * planWindow(now), which covers the shift-change notice's window too.
   */
  async recompute(em: EntityManager, requested: readonly string[], now: Date): Promise<Map<string, CompiledScheduleRow>> {
    await this.timers.ensureHorizon(new Date(now.getTime() + DAY_MS), em);
    // The schedules' row locks (already held by a schedule write) keep two plans of one schedule from interleaving.
    const scheduleIds = await this.schedules.lockRows(em, requested);
    if (!scheduleIds.length) return new Map();
    const { since, until } = planWindow(now.getTime());
    const loaded = await this.schedules.loadCompiled([...scheduleIds], em, { since: new Date(since), until: new Date(until) });
    const renderings = [...loaded].map(([scheduleId, { compiled: schedule }]) => {
      const rendering = shifts(schedule, new Date(since), new Date(until));
      return { scheduleId, rendering, userIds: new Set(rendering.flatMap((s) => (s.userId ? [s.userId] : []))) };
    });
    // One query for the rules of everyone on call in any of these schedules (the daily pass plans them all).
    const allRules = await this.rules.ofUsers(em, [...new Set(renderings.flatMap((r) => [...r.userIds]))]);
    const planned: NewHandoffTimer[] = [];
    for (const { scheduleId, rendering, userIds } of renderings) {
      const rules = allRules.filter((r) => userIds.has(r.userId));
      for (const t of planRuleTimers(rendering, rules, now.getTime())) {
        planned.push({ kind: 'rule', scheduleId, ruleId: t.ruleId, userId: t.userId, edgeType: t.edgeType, edgeAt: new Date(t.edgeAt), dueAt: new Date(t.dueAt) });
      }
      for (const t of planEdgeTimers(rendering, now.getTime())) {
        planned.push({ kind: 'edge', scheduleId, edgeAt: new Date(t.edgeAt), dueAt: new Date(t.dueAt) });
      }
    }
    await this.timers.replaceForSchedules(em, scheduleIds, now, planned);
    this.logger.debug({ schedules: scheduleIds.length, timers: planned.length }, 'handoff timers planned');
    return loaded;
  }

  /**
   * One notice to each user whose final on-call time in the next 14 days
   * changed by more than an hour (added plus removed), through each of their
   * enabled email and Slack contact methods. `loaded` is the schedule after
   * the change, as recompute loaded it; `before` the schedule before it.
   */
  private async noticeShiftChanges(em: EntityManager, scheduleId: string, before: CompiledSchedule, loaded: CompiledScheduleRow, now: Date): Promise<void> {
    const since = now.getTime();
    const until = since + HANDOFF_HORIZON_MS;
    const { schedule, compiled: after } = loaded;
    const beforeShifts = shifts(before, new Date(since), new Date(until));
    const afterShifts = shifts(after, new Date(since), new Date(until));
    const userIds = [...new Set([...beforeShifts, ...afterShifts].flatMap((s) => (s.userId ? [s.userId] : [])))];
    const changed = userIds
      .map((userId) => ({ userId, diff: diffShifts(userIntervals(beforeShifts, userId), userIntervals(afterShifts, userId), since, until) }))
      .filter((c) => isNoticeable(c.diff));
    if (!changed.length) return;
    const users = await this.users.loadSnapshots(changed.map((c) => c.userId), em);
    const messages: NewHandoffMessage[] = [];
    const editId = randomUUID();
    for (const { userId, diff } of changed) {
      const user = users.get(userId);
      if (!user) continue;
      const { subject, text } = shiftChangeText(schedule.name, diff, user.timeZone, HANDOFF_HORIZON_DAYS);
      for (const cm of user.contactMethods ?? []) {
        if (!cm.enabled || (cm.type !== 'email' && cm.type !== 'slack')) continue;
        messages.push({
          key: `shift-change:${scheduleId}:${userId}:${cm.id}:${editId}`,
          kind: 'shift-change',
          userId,
          scheduleId,
          channel: cm.type,
          address: cm.address,
          subject,
          text,
          dueAt: now,
        });
      }
      this.logger.log(
        { scheduleId, userId, addedMinutes: Math.round(diff.addedMs / 60_000), removedMinutes: Math.round(diff.removedMs / 60_000) },
        'shift change notice queued',
      );
    }
    await this.messages.insert(em, messages);
  }
}
