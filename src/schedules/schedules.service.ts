import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { groupBy } from '../common/group-by';
import { ConflictError, NotFoundError, ValidationError } from '../common/errors';
import { Page, PageQuery, paginate } from '../common/pagination';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ScheduleReferences } from './schedule-references';
import { ScheduleChangeKind, ScheduleChanges } from './schedule-changes';
import { UserReferences } from '../users/user-references';
import { UsersService } from '../users/users.service';
import {
  CompiledSchedule,
  compileSchedule,
  ON_CALL_HORIZON_MS,
  onCallSearch,
  segmentChunks,
  Shift,
  shiftChunks,
  userOnCallAt,
} from './resolution';
import { completeCooperatively, cooperatively } from './cooperative';
import { parseScheduleInput, type ScheduleInput } from './schedule-input';
import { ScheduleOverride } from './schedule-override.entity';
import { Schedule } from './schedule.entity';
import { SchedulesRepository, toSnapshot } from './schedules.repository';
import { ScheduleInputDto, SchedulePatchDto } from './schedules.dto';

const DAY_MS = 86_400_000;

/** Loads only the overrides that overlap it, when given. */
type Window = { since?: Date; until?: Date };

/** How far ahead GET /schedules/{id} looks for `nextGap`. */
export const NEXT_GAP_HORIZON_MS = 14 * DAY_MS;

/** A schedule's row with its compiled snapshot (findCompiled, loadCompiled). */
export type CompiledScheduleRow = { schedule: Schedule; compiled: CompiledSchedule };

/** A schedule as the API shows it: the row, its live overrides, the next gap and the feed URL. */
export interface ScheduleView {
  schedule: Schedule;
  overrides: ScheduleOverride[];
  nextGap: Shift | null;
  icalUrl: string;
}

/** A final-schedule segment; start/end are null where the segment reaches beyond one year from the asked instant. */
export interface ScheduleSegment {
  userId: string | null;
  start: Date | null;
  end: Date | null;
}

/**
 * Schedules: CRUD, and the lookup contract the escalation engine uses
 * (loadSnapshots once per tick, then pure onCallAt/hasGap calls; segmentAt is async).
 */
@Injectable()
export class SchedulesService implements OnModuleInit {
  constructor(
    private readonly store: SchedulesRepository,
    private readonly users: UsersService,
    private readonly references: UserReferences,
    private readonly scheduleReferences: ScheduleReferences,
    private readonly changes: ScheduleChanges,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.references.register(async (userId, em) =>
      (await this.store.schedulesInRotation(userId, em)).map((s) => ({ kind: 'schedule', id: s.id, name: s.name })),
    );
  }

  // ---- the lookup contract -------------------------------------------------

  /**
   * Loads these schedules (compiled for fast lookups) in two queries; unknown
   * ids are absent from the map. `window`, when given, loads only the overrides that overlap it: answers are
   * then exact inside the window only (the engine asks about "now" and the next
   * days, and must not read a schedule's whole override history each time).
   */
  async loadSnapshots(ids: string[], em?: EntityManager, window: Window = {}): Promise<Map<string, CompiledSchedule>> {
    const loaded = await this.loadCompiled(ids, em, window);
    return new Map([...loaded].map(([id, { compiled }]) => [id, compiled]));
  }

  /** One schedule's row with its compiled snapshot (as loadSnapshots, one read), or null when it is gone. */
  async findCompiled(id: string, em?: EntityManager, window: Window = {}): Promise<CompiledScheduleRow | null> {
    return (await this.loadCompiled([id], em, window)).get(id) ?? null;
  }

  /** findCompiled for several schedules at once (two queries); a missing id is left out. */
  async loadCompiled(ids: string[], em: EntityManager | undefined, window: Window): Promise<Map<string, CompiledScheduleRow>> {
    if (!ids.length) return new Map<string, CompiledScheduleRow>();
    const schedules = await this.store.findWithLayers(ids, em);
    const overrides = await this.store.findOverrides(schedules.map((s) => s.id), window, em);
    const overridesOf = groupBy(overrides, (o) => o.scheduleId);
    return new Map(schedules.map((s) => [s.id, { schedule: s, compiled: compileSchedule(toSnapshot(s, overridesOf.get(s.id) ?? [])) }]));
  }

  /** Who is on call at t (null = gap). */
  onCallAt(snapshot: CompiledSchedule, at: Date): string | null {
    return userOnCallAt(snapshot, at);
  }

  /** true when [from, to) contains a gap; an empty window has none. Stops rendering at the first gap. */
  hasGap(snapshot: CompiledSchedule, from: Date, to: Date): boolean {
    for (const chunk of segmentChunks(snapshot, from, to)) if (chunk.some((s) => s.user === null)) return true;
    return false;
  }

  /**
   * The final-schedule segment containing `at`; a bound beyond one year from
   * `at` is null. Finding the ends of a long segment may render up to a year
   * each way, so the search gives the event loop a turn as it goes.
   */
  async segmentAt(snapshot: CompiledSchedule, at: Date): Promise<ScheduleSegment> {
    const segment = await completeCooperatively(onCallSearch(snapshot, at));
    const t = at.getTime();
    return {
      userId: segment.userId,
      start: segment.start.getTime() <= t - ON_CALL_HORIZON_MS ? null : segment.start,
      end: segment.end.getTime() >= t + ON_CALL_HORIZON_MS ? null : segment.end,
    };
  }

  existingIds(ids: string[]): Promise<string[]> {
    return this.store.existingIds(ids);
  }

  /** Every user a snapshot can put on call (rotation users and override users). */
  userIdsOf(snapshot: CompiledSchedule): string[] {
    const ids = new Set<string>();
    for (const layer of snapshot.layers) for (const u of layer.users) ids.add(u);
    for (const segment of snapshot.overrideTimeline) if (segment.user) ids.add(segment.user);
    return [...ids];
  }

  // ---- CRUD ------------------------------------------------------------------

  async create(dto: ScheduleInputDto): Promise<ScheduleView> {
    const input = await parseScheduleInput(dto, this.users);
    const id = await this.store.dataSource.transaction(async (em) => {
      const saved = await em.getRepository(Schedule).save({
        name: input.name,
        timeZone: input.timeZone,
        slackChannelId: dto.slackChannelId ?? null,
        icalToken: randomBytes(32).toString('base64url'),
      });
      await this.store.replaceLayers(em, saved.id, input.layers);
      if (this.changes.active) await this.changes.changed(em, { scheduleId: saved.id, kind: 'created', before: null });
      return saved.id;
    });
    return this.get(id);
  }

  async get(id: string): Promise<ScheduleView> {
    return this.view(await this.find(id));
  }

  async list(query: PageQuery): Promise<Page<ScheduleView>> {
    const page = await paginate(this.store.dataSource.getRepository(Schedule).createQueryBuilder('s'), 's', query);
    const ids = page.items.map((s) => s.id);
    const full = new Map((await this.store.findWithLayers(ids)).map((s) => [s.id, s]));
    const live = groupBy(await this.store.findOverrides(ids, { since: this.clock.now() }), (o) => o.scheduleId);
    const items: ScheduleView[] = [];
    for (const id of ids) {
      const schedule = full.get(id);
      if (schedule) items.push(await this.view(schedule, live.get(id) ?? []));
    }
    return { items, nextCursor: page.nextCursor };
  }

  /** Replaces name, zone and layers; overrides are kept. Past renderings may change (docs/schedules.md). */
  async update(id: string, dto: ScheduleInputDto): Promise<ScheduleView> {
    await this.find(id);
    const input = await parseScheduleInput(dto, this.users);
    await this.write(id, { ...input, slackChannelId: dto.slackChannelId });
    return this.get(id);
  }

  /**
   * Changes the fields given (checked as on create), keeps the others; overrides are
   * kept. Layers given replace all layers; a new zone alone keeps the layers, whose
   * restriction times are then read in the new zone.
   */
  async patch(id: string, dto: SchedulePatchDto): Promise<ScheduleView> {
    for (const field of ['name', 'timeZone', 'layers'] as const) {
      if (dto[field] === null) throw ValidationError.field(field, 'must not be null; leave it out to keep it');
    }
    const current = await this.find(id);
    const name = dto.name ?? current.name;
    const timeZone = dto.timeZone ?? current.timeZone;
    const input = dto.layers ? await parseScheduleInput({ name, timeZone, layers: dto.layers }, this.users) : { name: name.trim(), timeZone };
    await this.write(id, { ...input, slackChannelId: dto.slackChannelId });
    return this.get(id);
  }

  /** Writes name, zone and (when given) the layers under the schedule's row lock. */
  private async write(
    id: string,
    input: Pick<ScheduleInput, 'name' | 'timeZone'> & { layers?: ScheduleInput['layers']; slackChannelId?: string | null },
  ): Promise<void> {
    await this.store.dataSource.transaction(async (em) => {
      const locked = await em.getRepository(Schedule).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!locked) throw new NotFoundError('schedule', id);
      const kind: ScheduleChangeKind = input.layers || input.timeZone !== locked.timeZone ? 'layers' : 'schedule';
      await this.changing(em, id, kind, async () => {
        const patch: Partial<Schedule> = { name: input.name, timeZone: input.timeZone };
        if (input.slackChannelId !== undefined) patch.slackChannelId = input.slackChannelId;
        await em.getRepository(Schedule).update({ id }, patch);
        if (input.layers) await this.store.replaceLayers(em, id, input.layers);
      });
    });
  }

  /**
   * Runs a write of the schedule (its row already locked by the caller) in the
   * caller's transaction and tells the change listeners, with the schedule as
   * it was before, after it. A change of the row alone (name, Slack channel)
   * moves nobody's on-call time, so the schedule is not loaded for it.
   */
  async changing<T>(em: EntityManager, scheduleId: string, kind: ScheduleChangeKind, write: () => Promise<T>): Promise<T> {
    if (!this.changes.active) return write();
    const now = this.clock.now().getTime();
    const window = { since: new Date(now - DAY_MS), until: new Date(now + 30 * DAY_MS) };
    const before = kind === 'schedule' ? null : ((await this.loadSnapshots([scheduleId], em, window)).get(scheduleId) ?? null);
    const result = await write();
    await this.changes.changed(em, { scheduleId, kind, before });
    return result;
  }

  /** Schedules whose rotations name the user, or with an override of the user ending after `since`. */
  scheduleIdsOfUser(em: EntityManager, userId: string, since: Date): Promise<string[]> {
    return this.store.scheduleIdsOfUser(em, userId, since);
  }

  /** Every schedule id (for the handoff module's daily pass). */
  allIds(em: EntityManager): Promise<string[]> {
    return this.store.allIds(em);
  }

  /**
   * Locks these schedules as their writes do (row lock, in id order), so a
   * caller planning from them in its transaction sees no edit half-way.
   */
  lockRows(em: EntityManager, ids: readonly string[]): Promise<string[]> {
    return this.store.lockRows(em, ids);
  }

  /** Refused with a 409 listing the escalation policies that still page through this schedule. */
  async remove(id: string): Promise<void> {
    await this.store.dataSource.transaction(async (em) => {
      const refs = await this.scheduleReferences.find(id, em);
      if (refs.length) {
        throw new ConflictError(
          `schedule ${id} is still used by ${refs.map((r) => `${r.kind} "${r.name}"`).join(', ')}`,
          { references: refs },
        );
      }
      const res = await em.getRepository(Schedule).delete({ id });
      if (!res.affected) throw new NotFoundError('schedule', id);
    });
  }

  /** The schedule with layers and users, or a 404. */
  async find(id: string, em?: EntityManager): Promise<Schedule> {
    const [schedule] = await this.store.findWithLayers([id], em);
    if (!schedule) throw new NotFoundError('schedule', id);
    return schedule;
  }

  icalUrl(schedule: Schedule): string {
    const base = (this.config.PUBLIC_URL ?? '').replace(/\/+$/, '');
    return `${base}/api/v1/schedules/${schedule.id}/ical?token=${schedule.icalToken}`;
  }

  /** `liveOverrides`: the schedule's overrides that end after now, when the caller already has them. */
  private async view(schedule: Schedule, liveOverrides?: ScheduleOverride[]): Promise<ScheduleView> {
    const now = this.clock.now();
    const horizon = new Date(now.getTime() + NEXT_GAP_HORIZON_MS);
    const overrides = liveOverrides ?? (await this.store.findOverrides([schedule.id], { since: now }));
    let nextGap: Shift | null = null;
    for await (const chunk of cooperatively(shiftChunks(compileSchedule(toSnapshot(schedule, overrides)), now, horizon))) {
      nextGap = chunk.find((s) => s.userId === null) ?? null;
      if (nextGap) break;
    }
    return {
      schedule,
      overrides: [...overrides].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()),
      nextGap,
      icalUrl: this.icalUrl(schedule),
    };
  }
}
