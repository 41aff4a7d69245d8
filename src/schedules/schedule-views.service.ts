import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { ValidationError } from '../common/errors';
import { cooperatively } from './cooperative';
import { CompiledSchedule, compileSchedule, ON_CALL_HORIZON_MS, Shift, shiftChunks } from './resolution';
import { SchedulesRepository, toSnapshot } from './schedules.repository';
import { ScheduleSegment, SchedulesService } from './schedules.service';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** The longest window a rendering may ask for (a leap year). */
export const MAX_WINDOW_MS = 366 * DAY_MS;
/**
 * The most shifts (gaps included) one /shifts or /report answer is computed
 * from: a year of an hourly rotation with a restriction edge or two a day
 * fits. A window holding more is a 400 naming this limit, found after
 * rendering just past it, so the cost of a request stays bounded whatever the
 * schedule.
 */
export const MAX_RENDERED_SHIFTS = 20_000;

export interface Window {
  since: Date;
  until: Date;
}

export interface FairnessReport extends Window {
  totalHours: number;
  gapHours: number;
  users: { userId: string; hours: number; shifts: number; share: number }[];
}

/**
 * Read-only views of the final schedule: who is on call, shifts and the
 * fairness report. Renderings proceed a day at a time and give the event loop
 * a turn every few milliseconds (./cooperative.ts).
 */
@Injectable()
export class ScheduleViewsService {
  constructor(
    private readonly store: SchedulesRepository,
    private readonly schedules: SchedulesService,
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
    return { at, ...(await this.schedules.segmentAt(compiled, at)) };
  }

  /** The rendering of the window; more than MAX_RENDERED_SHIFTS shifts is a 400 naming the limit. */
  async shifts(id: string, window: Window): Promise<Shift[]> {
    const compiled = await this.compiled(id, window);
    const out: Shift[] = [];
    for await (const chunk of cooperatively(shiftChunks(compiled, window.since, window.until))) {
      for (const shift of chunk) out.push(shift);
      if (out.length > MAX_RENDERED_SHIFTS) {
        throw ValidationError.field(
          'until',
          `the window holds more than ${MAX_RENDERED_SHIFTS} shifts, the most one answer may hold: ask for a shorter window`,
        );
      }
    }
    return out;
  }

  /** Hours on call per user and hours of gap in the window, from the rendering (overrides included). */
  async report(id: string, window: Window): Promise<FairnessReport> {
    return fairnessReport(await this.shifts(id, window), window);
  }

  /** The schedule compiled with the overrides that overlap the window: only those matter to a rendering of it. */
  private async compiled(id: string, window: Window): Promise<CompiledSchedule> {
    const schedule = await this.schedules.find(id);
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
