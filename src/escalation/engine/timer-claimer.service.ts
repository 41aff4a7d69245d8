import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { DueTimer, EngineTimerKindName, IncidentTimerKindName, isEngineTimer, isIncidentTimer, NewTimer } from './timer-data';
import type { FiringTimer } from './timer-kind';
import { TimerIncidentsRepository } from './timer-incidents.repository';
import { TimerKinds } from './timer-kinds';
import { TimersRepository } from './timers.repository';

/** Transactions firing timers at once per worker; stays well under DATABASE_POOL_SIZE (10 by default). */
const TIMER_CONCURRENCY = 4;
/**
 * Incidents whose first due timers fire in one transaction (kinds with
 * fireBatch). Measured on a storm of new incidents: the drain took 48 s
 * firing each step alone and 25.6 s in batches of 25 (docs/performance.md).
 */
const BATCH_SIZE = 25;

/** Runs `work` over `items`, TIMER_CONCURRENCY at a time. */
async function inLanes<T>(items: T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(TIMER_CONCURRENCY, items.length) }, lane));
}


/**
 * The durable timer engine, the same for every kind (timer-kinds.ts): claim
 * due timers, drop those that can do nothing, fire the rest, each with its
 * incident locked, in a transaction that also deletes the fired timer and
 * inserts the timers that follow. The lock order is always timer, then
 * incident (incidents in id order), and an incident is locked for one short
 * transaction only, so ingest and the API never wait long behind a worker.
 * Nothing is kept in memory between calls.
 */
@Injectable()
export class TimerClaimerService {
  private readonly logger = new Logger(TimerClaimerService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly timers: TimersRepository,
    private readonly incidents: TimerIncidentsRepository,
    private readonly kinds: TimerKinds,
    private readonly clock: Clock,
  ) {}

  /**
   * Claims up to `limit` due timers (SKIP LOCKED). Timers that can no longer
   * do anything are deleted at once in that short transaction, without
   * locking incidents. Of the rest, each incident's first timer of a kind
   * that batches fires with those of up to {@link BATCH_SIZE} incidents in
   * one transaction; every other timer fires in a transaction of its own, so
   * an incident's timers still fire in due order. Returns how many timers
   * were claimed.
   */
  async fireDueTimers(limit = 200): Promise<number> {
    const now = this.clock.now();
    const { claimed, live } = await this.dataSource.transaction(async (em) => {
      const { timers, unreadable } = await this.timers.claimDue(em, now, limit);
      if (unreadable.length) {
        // Written by an older or newer Klaxon, or by hand: kept (never lost), retried with backoff, and logged.
        this.logger.error({ timers: unreadable }, 'timers whose data matches no timer kind; retrying later');
        await this.timers.retryLater(unreadable.map((t) => t.id), now, em);
      }
      if (!timers.length) return { claimed: unreadable.length, live: [] };
      const ofIncidents = timers.filter(isIncidentTimer);
      const incidents = await this.incidents.read(em, [...new Set(ofIncidents.map((t) => t.incidentId))]);
      const noop = new Set([
        ...ofIncidents.filter((t) => this.kinds.isNoop(t, incidents.get(t.incidentId))).map((t) => t.id),
        ...timers.filter(isEngineTimer).filter((t) => this.kinds.isEngineNoop(t)).map((t) => t.id),
      ]);
      await this.timers.delete(em, [...noop]);
      return { claimed: timers.length + unreadable.length, live: timers.filter((t) => !noop.has(t.id)) };
    });
    const batched = new Map<IncidentTimerKindName, string[]>();
    const alone: string[] = [];
    const seen = new Set<string>();
    for (const t of live) {
      if (isEngineTimer(t)) {
        alone.push(t.id);
        continue;
      }
      const first = !seen.has(t.incidentId);
      seen.add(t.incidentId);
      if (!first || !this.kinds.batches(t.kind)) {
        alone.push(t.id);
        continue;
      }
      const ids = batched.get(t.kind);
      if (ids) ids.push(t.id);
      else batched.set(t.kind, [t.id]);
    }
    const batches: { kind: IncidentTimerKindName; ids: string[] }[] = [];
    for (const [kind, ids] of batched) {
      for (let i = 0; i < ids.length; i += BATCH_SIZE) batches.push({ kind, ids: ids.slice(i, i + BATCH_SIZE) });
    }
    // Different incidents' timers are independent: a few at a time keeps both the pool and PostgreSQL busy.
    await inLanes(batches, (b) => this.fireBatch(b.kind, b.ids, now));
    await inLanes(alone, (id) => this.fireOne(id, now));
    return claimed;
  }

  /**
   * Arms the engine's own timers (the retention cleanup) unless they exist:
   * every worker calls it at start, and a unique index keeps one row each.
   */
  async armEngineTimers(): Promise<void> {
    for (const timer of this.kinds.firstEngineTimers(this.clock.now())) await this.timers.insertIfAbsent(timer);
  }

  /** The earliest due time of any timer, for the timer loop's sleep. */
  nextDueAt(): Promise<Date | null> {
    return this.timers.nextDueAt();
  }

  /**
   * Fires the timers `ids` of one kind (at most one per incident) in one
   * transaction: lock them (SKIP LOCKED) and their incidents (in id order),
   * let the kind fire every live one, delete them all and insert what
   * follows in one statement. If the batch fails, each timer fires on its
   * own (with its own retry and backoff).
   */
  private async fireBatch<K extends IncidentTimerKindName>(kindName: K, ids: string[], now: Date): Promise<void> {
    const kind = this.kinds.get(kindName);
    if (ids.length === 1 || !kind.fireBatch) return this.fireOne(ids[0], now);
    const fireBatch = kind.fireBatch.bind(kind);
    try {
      await this.dataSource.transaction(async (em) => {
        const timers = (await this.timers.lock(em, ids)).filter(isIncidentTimer);
        if (!timers.length) return;
        const incidents = await this.incidents.lock(em, timers.map((t) => t.incidentId));
        const live: FiringTimer[] = [];
        for (const timer of timers) {
          const incident = incidents.get(timer.incidentId);
          if (incident && !this.kinds.isNoop(timer, incident)) live.push({ timer, incident });
        }
        // Every timer here is of `kindName` (the batch was made by kind); the guard only types them.
        const firing = live.filter((f): f is FiringTimer<K> => f.timer.kind === kindName);
        const next = firing.length ? await fireBatch(em, firing, now) : [];
        await this.timers.replace(em, timers.map((t) => t.id), next);
      });
    } catch (e) {
      this.logger.warn({ err: e, kind: kindName, timers: ids.length }, 'batched timers failed; firing them one by one');
      for (const id of ids) await this.fireOne(id, now);
    }
  }

  /**
   * Fires one timer against its locked incident. The incident may have moved
   * since the timer was claimed, so the no-op test runs again under the lock.
   * The worker that fired it sends the pages it wrote (WorkerService). An
   * engine timer (no incident) is handed to its kind alone.
   */
  private async fireOne(timerId: string, now: Date): Promise<void> {
    try {
      await this.dataSource.transaction(async (em) => {
        const timer = await this.timers.lockOne(em, timerId);
        if (!timer) return; // another worker has it, or it is gone
        if (isEngineTimer(timer)) {
          // Two statements: an engine timer is unique by kind, and within one statement the
          // unique index would still see the row being replaced.
          const next = await this.fireEngine(em, timer, now);
          await this.timers.delete(em, [timer.id]);
          return this.timers.insert(em, next);
        }
        await this.timers.replace(em, [timer.id], await this.fireOnIncident(em, timer, now));
      });
    } catch (e) {
      // Rolled back: the timer is still there. Retry it later, with backoff, so it cannot spin.
      this.logger.error({ err: e, timerId }, 'timer failed; retrying later');
      await this.timers.retryLater([timerId], now);
    }
  }

  private async fireOnIncident(em: EntityManager, timer: DueTimer<IncidentTimerKindName>, now: Date): Promise<NewTimer[]> {
    const incident = (await this.incidents.lock(em, [timer.incidentId])).get(timer.incidentId);
    return incident && !this.kinds.isNoop(timer, incident) ? this.kinds.fire(em, timer, incident, now) : [];
  }

  private async fireEngine(em: EntityManager, timer: DueTimer<EngineTimerKindName>, now: Date): Promise<NewTimer[]> {
    return this.kinds.isEngineNoop(timer) ? [] : this.kinds.fireEngine(em, timer, now);
  }
}
