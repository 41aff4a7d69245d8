import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { ValidationError } from '../common/errors';
import { cooperatively } from './cooperative';
import { CompiledSchedule, compileSchedule, localIso, ON_CALL_HORIZON_MS, Segment, segmentChunks } from './resolution';
import { SchedulesRepository, toSnapshot } from './schedules.repository';
import type { Schedule } from './schedule.entity';
import { ScheduleSegment, SchedulesService } from './schedules.service';
import { UsersService } from '../users/users.service';

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

interface UserHours {
  userId: string;
  hours: number;
  shifts: number;
  share: number;
}

interface Tally extends Window {
  totalHours: number;
  gapHours: number;
  users: UserHours[];
}

export interface FairnessReport extends Tally {
  /** The `since` asked for; `since` itself is clipped at the schedule's creation. */
  requestedSince: Date;
  timeZone: string;
  users: (UserHours & { userName: string | null })[];
}

/** A shift as the API shows it: the user's name beside the id, the bounds in UTC and in the schedule's zone. */
export interface ShiftView {
  userId: string | null;
  userName: string | null;
  start: string;
  end: string;
  startLocal: string;
  endLocal: string;
}

function toShiftView(s: Segment, names: Map<string, string>, zone: CompiledSchedule['zone']): ShiftView {
  return {
    userId: s.user,
    userName: s.user ? (names.get(s.user) ?? null) : null,
    start: new Date(s.start).toISOString(),
    end: new Date(s.end).toISOString(),
    startLocal: localIso(s.start, zone),
    endLocal: localIso(s.end, zone),
  };
}

function* slices<T>(items: T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

export interface OnCallView extends ScheduleSegment {
  at: Date;
  timeZone: string;
  userName: string | null;
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

  async onCall(id: string, at: Date = this.clock.now()): Promise<OnCallView> {
    const horizon = { since: new Date(at.getTime() - ON_CALL_HORIZON_MS), until: new Date(at.getTime() + ON_CALL_HORIZON_MS) };
    const schedule = await this.schedules.find(id);
    const segment = await this.schedules.segmentAt(await this.compiled(schedule, horizon), at);
    const names = await this.users.names(segment.userId ? [segment.userId] : []);
    return { at, ...segment, timeZone: schedule.timeZone, userName: segment.userId ? (names.get(segment.userId) ?? null) : null };
  }

  /**
   * The rendering of the window, each shift with its user's name and its bounds in UTC
   * and in the schedule's zone; more than MAX_RENDERED_SHIFTS shifts is a 400 naming the limit.
   */
  async shifts(id: string, window: Window): Promise<{ timeZone: string; shifts: ShiftView[] }> {
    const schedule = await this.schedules.find(id);
    const compiled = await this.compiled(schedule, window);
    // Plain segments while rendering (one small object each, not three): fewer survivors for the collector to copy.
    const segments: Segment[] = [];
    const userIds = new Set<string>();
    for await (const chunk of this.rendering(compiled, window)) {
      for (const segment of chunk) {
        segments.push(segment);
        if (segment.user) userIds.add(segment.user);
      }
    }
    const names = await this.users.names([...userIds]);
    // Formatting 20,000 shifts takes tens of milliseconds: in slices, like the rendering.
    const shifts: ShiftView[] = [];
    for await (const part of cooperatively(slices(segments, 1000))) {
      for (const s of part) shifts.push(toShiftView(s, names, compiled.zone));
    }
    return { timeZone: schedule.timeZone, shifts };
  }

  /**
   * Hours on call per user and hours of gap in the window, from the rendering (overrides
   * included), summed as it comes. The window starts no earlier than the schedule's
   * creation: before it nobody could have been on call through it, and those hours are
   * not gaps. A window that ends before the schedule existed is empty.
   */
  async report(id: string, window: Window): Promise<FairnessReport> {
    const schedule = await this.schedules.find(id);
    const since = new Date(Math.min(Math.max(window.since.getTime(), schedule.createdAt.getTime()), window.until.getTime()));
    const clipped = { since, until: window.until };
    const tally = new FairnessTally(clipped);
    if (since < window.until) {
      for await (const chunk of this.rendering(await this.compiled(schedule, clipped), clipped)) for (const segment of chunk) tally.add(segment);
    }
    const report = tally.report();
    const names = await this.users.names(report.users.map((u) => u.userId));
    return {
      ...clipped,
      requestedSince: window.since,
      timeZone: schedule.timeZone,
      totalHours: report.totalHours,
      gapHours: report.gapHours,
      users: report.users.map((u) => ({ ...u, userName: names.get(u.userId) ?? null })),
    };
  }

  /** The window's rendering a day at a time, giving the event loop turns; past MAX_RENDERED_SHIFTS shifts, a 400 naming the limit. */
  private async *rendering(compiled: CompiledSchedule, window: Window): AsyncGenerator<Segment[]> {
    let count = 0;
    for await (const chunk of cooperatively(segmentChunks(compiled, window.since, window.until))) {
      count += chunk.length;
      if (count > MAX_RENDERED_SHIFTS) {
        throw ValidationError.field(
          'until',
          `the window holds more than ${MAX_RENDERED_SHIFTS} shifts, the most one answer may hold: ask for a shorter window`,
        );
      }
      yield chunk;
    }
  }

  /** The schedule compiled with the overrides that overlap the window: only those matter to a rendering of it. */
  private async compiled(schedule: Schedule, window: Window): Promise<CompiledSchedule> {
    const overrides = await this.store.findOverrides([schedule.id], window);
    return compileSchedule(toSnapshot(schedule, overrides));
  }
}

/** Hours on call per user and hours of gap, summed over a rendering's segments. */
class FairnessTally {
  private gapMs = 0;
  private readonly byUser = new Map<string, { ms: number; shifts: number }>();

  constructor(private readonly window: Window) {}

  add(segment: Segment): void {
    const ms = segment.end - segment.start;
    if (segment.user === null) {
      this.gapMs += ms;
      return;
    }
    const entry = this.byUser.get(segment.user);
    if (entry) {
      entry.ms += ms;
      entry.shifts += 1;
    } else {
      this.byUser.set(segment.user, { ms, shifts: 1 });
    }
  }

  report(): Tally {
    const totalMs = this.window.until.getTime() - this.window.since.getTime();
    const hours = (ms: number) => Math.round((ms / HOUR_MS) * 1000) / 1000;
    return {
      ...this.window,
      totalHours: hours(totalMs),
      gapHours: hours(this.gapMs),
      users: [...this.byUser.entries()]
        .map(([userId, e]) => ({ userId, hours: hours(e.ms), shifts: e.shifts, share: totalMs > 0 ? Math.round((e.ms / totalMs) * 10_000) / 10_000 : 0 }))
        .sort((a, b) => b.hours - a.hours || a.userId.localeCompare(b.userId)),
    };
  }
}
