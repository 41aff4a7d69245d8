import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { RateLimitedError } from '../common/errors';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import type { Integration } from '../services/integration.entity';

interface Window {
  startMs: number;
  count: number;
}

const WINDOW_MS = 60_000;

/**
 * A fixed one-minute window per integration, in memory: each instance
 * enforces the limit on the requests it receives. The limit is the
 * integration's own `rateLimitPerMinute`, else KLAXON_INGEST_RATE_LIMIT_PER_MINUTE;
 * 0 means no limit (the default).
 */
@Injectable()
export class IngestRateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Counts one request; throws RateLimitedError (429 with Retry-After) when over the limit. */
  take(integration: Pick<Integration, 'id' | 'rateLimitPerMinute'>): void {
    const limit = integration.rateLimitPerMinute ?? this.config.KLAXON_INGEST_RATE_LIMIT_PER_MINUTE;
    if (!limit) return;
    const nowMs = this.clock.now().getTime();
    let w = this.windows.get(integration.id);
    if (!w || nowMs - w.startMs >= WINDOW_MS) {
      if (this.windows.size > 10_000) this.windows.clear();
      w = { startMs: nowMs, count: 0 };
      this.windows.set(integration.id, w);
    }
    if (w.count >= limit) {
      throw new RateLimitedError(Math.max(1, Math.ceil((w.startMs + WINDOW_MS - nowMs) / 1000)));
    }
    w.count++;
  }
}
