import { Injectable } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import { Clock } from '../common/clock';
import { NotFoundError, ValidationError } from '../common/errors';
import { UsersService } from '../users/users.service';
import { CompiledSchedule, compileSchedule, ON_CALL_HORIZON_MS, Shift, shifts } from './resolution';
import { renderIcalFeed } from './ical-feed';
import { Schedule } from './schedule.entity';
import { ScheduleStore, toSnapshot } from './schedule.store';
import { ScheduleSegment, SchedulesService } from './schedules.service';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** The longest window a rendering may ask for (a leap year). */
export const MAX_WINDOW_MS = 366 * DAY_MS;
export const ICAL_WINDOW = { backMs: 7 * DAY_MS, aheadMs: 90 * DAY_MS };

export interface Window {
  since: Date;
  until: Date;
}

export interface FairnessReport extends Window {
  totalHours: number;
  gapHours: number;
  users: { userId: string; hours: number; shifts: number; share: number }[];
}

/** Read-only views of the final schedule: who is on call, shifts, the fairness report and the iCal feed. */
@Injectable()
export class ScheduleViewsService {
  constructor(
    private readonly store: ScheduleStore,
    private readonly schedules: SchedulesService,
    private readonly users: UsersService,
    private readonly clock: Clock,
  ) {}

  /** The window of `?since=&until=`: a missing bound is derived from the other or from now. */
  window(query: { since?: string; until?: string }, defaults: { backMs: number; aheadMs: number }): Window {
    const span = defaults.backMs + defaults.aheadMs;
    const now = this.clock.now().getTime();
    let since = query.since ? Date.parse(query.since) : undefined;
    let until = query.until ? Date.parse(query.until) : undefined;
    if (since === undefined && until === undefined) [since, until] = [now - defaults.backMs, now + defaults.aheadMs];
    else if (since === undefined) since = until! - span;
    else if (until === undefined) until = since + span;
    if (until! <= since) throw ValidationError.field('until', 'must be after since');
    if (until! - since > MAX_WINDOW_MS) throw ValidationError.field('until', 'must be at most one year (366 days) after since');
    return { since: new Date(since), until: new Date(until!) };
  }

  async onCall(id: string, at: Date = this.clock.now()): Promise<ScheduleSegment & { at: Date }> {
    const horizon = { since: new Date(at.getTime() - ON_CALL_HORIZON_MS), until: new Date(at.getTime() + ON_CALL_HORIZON_MS) };
    const compiled = await this.compiled(id, horizon);
    return { at, ...this.schedules.segmentAt(compiled, at) };
  }

  async shifts(id: string, window: Window): Promise<Shift[]> {
    return shifts(await this.compiled(id, window), window.since, window.until);
  }

  /** Hours on call per user and hours of gap in the window, from the rendering (overrides included). */
  async report(id: string, window: Window): Promise<FairnessReport> {
    return fairnessReport(await this.shifts(id, window), window);
  }

  /** The feed of shifts from 7 days ago to 90 days ahead; a missing or wrong token is a 404, like an unknown id. */
  async ical(id: string, token: string | undefined, userId?: string): Promise<string> {
    const [schedule] = await this.store.findWithLayers([id]);
    if (!schedule || !token || !sameSecret(token, schedule.icalToken)) throw new NotFoundError('schedule', id);
    const now = this.clock.now();
    const window = { since: new Date(now.getTime() - ICAL_WINDOW.backMs), until: new Date(now.getTime() + ICAL_WINDOW.aheadMs) };
    const rendered = shifts(await this.compiledFor(schedule, window), window.since, window.until).filter(
      (s) => s.userId !== null && (!userId || s.userId === userId.toLowerCase()),
    );
    const names = new Map<string, string>();
    for (const uid of new Set(rendered.map((s) => s.userId!))) {
      const user = await this.users.get(uid).catch(() => undefined);
      if (user) names.set(uid, user.name);
    }
    return renderIcalFeed({
      scheduleId: schedule.id,
      scheduleName: schedule.name,
      timeZone: schedule.timeZone,
      shifts: rendered,
      names,
      generatedAt: now,
    });
  }

  private async compiled(id: string, window: Window): Promise<CompiledSchedule> {
    return this.compiledFor(await this.schedules.find(id), window);
  }

  /** Only the overrides that overlap the window matter to a rendering of it. */
  private async compiledFor(schedule: Schedule, window: Window): Promise<CompiledSchedule> {
    const overrides = await this.store.findOverrides([schedule.id], window);
    return compileSchedule(toSnapshot(schedule, overrides));
  }
}

export function fairnessReport(rendering: Shift[], window: Window): FairnessReport {
  const totalMs = window.until.getTime() - window.since.getTime();
  let gapMs = 0;
  const byUser = new Map<string, { ms: number; shifts: number }>();
  for (const s of rendering) {
    const ms = s.end.getTime() - s.start.getTime();
    if (s.userId === null) {
      gapMs += ms;
      continue;
    }
    const entry = byUser.get(s.userId) ?? { ms: 0, shifts: 0 };
    entry.ms += ms;
    entry.shifts += 1;
    byUser.set(s.userId, entry);
  }
  const hours = (ms: number) => Math.round((ms / HOUR_MS) * 1000) / 1000;
  return {
    ...window,
    totalHours: hours(totalMs),
    gapHours: hours(gapMs),
    users: [...byUser.entries()]
      .map(([userId, e]) => ({ userId, hours: hours(e.ms), shifts: e.shifts, share: Math.round((e.ms / totalMs) * 10_000) / 10_000 }))
      .sort((a, b) => b.hours - a.hours || a.userId.localeCompare(b.userId)),
  };
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
