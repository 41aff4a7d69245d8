import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { Outcome } from './rules/evaluate';
import { HitDelta, RouterHitsRepository } from './router-hits.repository';

/** How often this process adds its counts to the database. */
export const HIT_FLUSH_INTERVAL_MS = 1_000;
/** Counts kept at most between flushes (routers x rules); past it the oldest are flushed early. */
const MAX_PENDING = 10_000;

/**
 * Per-rule hit counters without a database write per event: evaluations are
 * counted in memory and added to `event_router_hits` every second (and at
 * shutdown, and before a router's counts are read here) with one additive
 * statement. Counts seen through the API are therefore up to a second or two
 * behind on other instances; nothing is lost unless the process dies.
 * The interval is bookkeeping, not product behaviour: no alert waits on it.
 */
@Injectable()
export class RouterHitCounter implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('EventRouters');
  /**
   * Keyed by the compiled outcome object: one per rule of one router version
   * (compileRouter builds them once), so counting an event builds no key.
   */
  private pending = new Map<Outcome, HitDelta>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(private readonly hits: RouterHitsRepository) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.flush(), HIT_FLUSH_INTERVAL_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
  }

  /** One evaluation of a router version decided by `outcome` (a rule of that version's compiled rules, or its fallback). */
  count(routerId: string, version: number, outcome: Outcome, at: Date): void {
    const delta = this.pending.get(outcome);
    if (delta) {
      delta.count++;
      if (at > delta.lastMatchedAt) delta.lastMatchedAt = at;
      return;
    }
    const rule = outcome.rule === 'fallback' ? 'fallback' : String(outcome.rule);
    this.pending.set(outcome, { routerId, version, rule, count: 1, lastMatchedAt: at });
    if (this.pending.size > MAX_PENDING) void this.flush();
  }

  /** Adds every pending count to the database; one flush at a time, and a failed flush keeps its counts for the next. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.flushOnce());
    return this.flushing;
  }

  private async flushOnce(): Promise<void> {
    if (!this.pending.size) return;
    const batch = this.pending;
    this.pending = new Map();
    try {
      await this.hits.add([...batch.values()]);
    } catch (err) {
      this.logger.warn({ err, counts: batch.size }, 'router hit counts not saved; kept for the next flush');
      for (const [key, d] of batch) {
        const now = this.pending.get(key);
        if (now) {
          now.count += d.count;
          if (d.lastMatchedAt > now.lastMatchedAt) now.lastMatchedAt = d.lastMatchedAt;
        } else this.pending.set(key, d);
      }
    }
  }
}
