import { Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { sameSecret } from '../common/secret-hash';
import { Clock } from '../common/clock';
import { NotFoundError } from '../common/errors';
import { UsersService } from '../users/users.service';
import { cooperatively } from './cooperative';
import { FeedSubject, IcalFeedsRepository } from './ical-feeds.repository';
import { IcalFeedWriter } from './ical-feed';
import { compileSchedule, Segment, segmentChunks } from './resolution';
import { ScheduleOverride } from './schedule-override.entity';
import { Schedule } from './schedule.entity';
import { SchedulesRepository, toSnapshot } from './schedules.repository';

const DAY_MS = 86_400_000;
/** The feed covers 7 days before to 90 days after the UTC midnight of the day it is asked for. */
export const ICAL_WINDOW = { backMs: 7 * DAY_MS, aheadMs: 90 * DAY_MS };
/**
 * The most events one feed holds. The feed's window is fixed, so instead of
 * refusing, a feed with more shifts stops there and ends with one note event
 * covering the rest of the window.
 */
export const MAX_FEED_EVENTS = 5_000;
/** Part of every cached feed's version: raise it whenever the feed's text changes, so no body rendered by older code is served. */
const FEED_FORMAT = 1;

interface FeedSource {
  schedule: Schedule;
  overrides: ScheduleOverride[];
  subject: FeedSubject;
  window: { since: Date; until: Date };
  generatedAt: Date;
}

/**
 * The iCal feed. Rendered at most once per schedule (or person's feed of it),
 * UTC day and version (a digest of everything the feed is rendered from), then
 * served from PostgreSQL by every instance; renderings proceed a day at a time
 * and give the event loop a turn between days.
 */
@Injectable()
export class ScheduleIcalService {
  private readonly logger = new Logger(ScheduleIcalService.name);
  /** Renderings under way in this process, by cache key: concurrent requests for one feed share one rendering. */
  private readonly rendering = new Map<string, Promise<string>>();

  constructor(
    private readonly store: SchedulesRepository,
    private readonly cache: IcalFeedsRepository,
    private readonly users: UsersService,
    private readonly clock: Clock,
  ) {}

  /** The feed (optionally only `userId`'s shifts); a missing or wrong token is a 404, like an unknown id. */
  async feed(id: string, token: string | undefined, userId?: string): Promise<string> {
    // The token is checked on one small row, before anything heavy is read.
    const expected = await this.store.findIcalToken(id);
    if (!expected || !token || !sameSecret(token, expected)) throw new NotFoundError('schedule', id);
    const now = this.clock.now();
    const midnight = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
    const window = { since: new Date(midnight - ICAL_WINDOW.backMs), until: new Date(midnight + ICAL_WINDOW.aheadMs) };
    const [schedule] = await this.store.findWithLayers([id]);
    if (!schedule) throw new NotFoundError('schedule', id);
    const overrides = await this.store.findOverrides([id], window);
    const subject: FeedSubject = { scheduleId: id, userId: userId?.toLowerCase() ?? null };
    const people = peopleOf(schedule, overrides);
    if (subject.userId !== null && !people.has(subject.userId)) {
      // Nobody the schedule can put on call: an empty calendar, not worth a row.
      return new IcalFeedWriter({ scheduleId: id, scheduleName: schedule.name, timeZone: schedule.timeZone, generatedAt: now }).finish();
    }
    const source: FeedSource = { schedule, overrides, subject, window, generatedAt: now };
    const utcDate = new Date(midnight).toISOString().slice(0, 10);
    const version = feedVersion(source, await this.users.namesVersion([...people]));
    const key = `${id}/${subject.userId ?? '*'}/${utcDate}/${version}`;
    let pending = this.rendering.get(key);
    if (!pending) {
      pending = this.cachedOrRendered(source, utcDate, version).finally(() => this.rendering.delete(key));
      this.rendering.set(key, pending);
    }
    return pending;
  }

  private async cachedOrRendered(source: FeedSource, utcDate: string, version: string): Promise<string> {
    const cached = await this.cache.find(source.subject, utcDate, version);
    if (cached !== null) return cached;
    const body = await this.render(source);
    try {
      await this.cache.save(source.subject, utcDate, version, body, source.generatedAt);
    } catch (err) {
      // The feed is still right; the next request renders it again.
      this.logger.warn({ err: String(err), scheduleId: source.subject.scheduleId }, 'iCal feed not cached');
    }
    return body;
  }

  /**
   * The feed's text: at most MAX_FEED_EVENTS events, then a note event for the
   * rest of the window. The shifts are found first, then the names of just the
   * people in them are read.
   */
  private async render(source: FeedSource): Promise<string> {
    const { schedule, subject, window } = source;
    const snapshot = toSnapshot(schedule, source.overrides);
    if (subject.userId !== null) {
      // A layer below the lowest one that names the person can only fill time someone above leaves open, never
      // with that person: leaving such layers out changes none of the person's shifts.
      const lowest = snapshot.layers.findIndex((l) => l.users.includes(subject.userId!));
      snapshot.layers = lowest < 0 ? [] : snapshot.layers.slice(lowest);
    }
    const compiled = compileSchedule(snapshot);
    const events: Segment[] = [];
    let omittedFrom: number | null = null;
    rendering: for await (const chunk of cooperatively(segmentChunks(compiled, window.since, window.until))) {
      for (const segment of chunk) {
        if (segment.user === null || (subject.userId !== null && segment.user !== subject.userId)) continue;
        if (events.length === MAX_FEED_EVENTS) {
          omittedFrom = segment.start;
          break rendering;
        }
        events.push(segment);
      }
    }
    const names = await this.users.names([...new Set(events.map((e) => e.user!))]);
    const writer = new IcalFeedWriter({ scheduleId: schedule.id, scheduleName: schedule.name, timeZone: schedule.timeZone, generatedAt: source.generatedAt });
    for await (const { user, start, end } of cooperatively(events)) {
      writer.shift({ userId: user!, start: new Date(start), end: new Date(end) }, names.get(user!) ?? user!);
    }
    if (omittedFrom !== null) writer.truncated(new Date(omittedFrom), window.until, MAX_FEED_EVENTS);
    return writer.finish();
  }
}

/** Everyone the schedule can put on call in the window: rotation users and the overrides' users. */
function peopleOf(schedule: Schedule, overrides: ScheduleOverride[]): Set<string> {
  const people = new Set<string>();
  for (const layer of schedule.layers ?? []) for (const slot of layer.users ?? []) people.add(slot.userId);
  for (const o of overrides) people.add(o.userId);
  return people;
}

/**
 * A digest of everything the feed's text depends on, except the date (a key
 * of its own) and the DTSTAMP: the schedule, its layers and slots (by
 * position), the overrides in the window (by creation) and the names of
 * everyone in them (`namesVersion`, computed by the users module).
 */
function feedVersion(source: FeedSource, namesVersion: string): string {
  const { schedule } = source;
  const layers = (schedule.layers ?? []).map((l) => [
    l.position,
    l.startsAt,
    l.endsAt,
    l.rotationUnit,
    l.rotationLength,
    l.handoffAt,
    l.restrictions,
    (l.users ?? []).map((slot) => slot.userId).join(','),
  ]);
  const overrides = source.overrides.map((o) => [o.seq, o.userId, o.startsAt, o.endsAt, o.createdAt]);
  const text = JSON.stringify([FEED_FORMAT, MAX_FEED_EVENTS, schedule.name, schedule.timeZone, layers, overrides, namesVersion]);
  return createHash('sha256').update(text).digest('base64url');
}
