import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { IncidentsQueryService, IncidentSummary } from '../incidents/incidents-query.service';
import { IncidentChangesRepository } from './incident-changes.repository';

/** A comment line every 15 s keeps proxies from closing an idle stream and lets the browser notice a dead one. */
const HEARTBEAT_MS = 15_000;
/**
 * A stream is closed after 5 minutes and the browser reconnects at once
 * (`retry`): each reconnection goes through the guard again, so a revoked
 * session or key stops receiving within this time.
 */
const STREAM_MAX_AGE_MS = 5 * 60_000;
/** Notifications that arrive within this window are sent as one read of the incidents. */
const COALESCE_MS = 20;

interface Stream {
  raw: ServerResponse;
  openedAt: number;
}

/**
 * The console's live incident events (docs/console.md): every change any
 * process commits to an incident reaches this process by LISTEN (the
 * database triggers notify with the incident ids), and each open stream gets
 * an `incident` event with the incident's current state.
 */
@Injectable()
export class LiveEventsService implements BeforeApplicationShutdown {
  private readonly logger = new Logger(LiveEventsService.name);
  private readonly streams = new Set<Stream>();
  private pending = new Set<string>();
  private flushTimer: NodeJS.Timeout | null = null;
  private heartbeat: NodeJS.Timeout | null = null;

  constructor(
    private readonly changes: IncidentChangesRepository,
    private readonly incidents: IncidentsQueryService,
  ) {}

  /** Starts an event stream on a response the caller has taken over from the framework. */
  async open(raw: ServerResponse): Promise<void> {
    await this.changes.start(
      (ids) => this.queue(ids),
      () => this.broadcast('resync', {}),
    );
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    const stream: Stream = { raw, openedAt: Date.now() };
    this.streams.add(stream);
    raw.on('close', () => this.streams.delete(stream));
    // `ready` after every (re)connection: the console reloads what it shows, so nothing missed in between is lost.
    raw.write(`retry: 1000\nevent: ready\ndata: {}\n\n`);
    this.heartbeat ??= setInterval(() => this.beat(), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.heartbeat) clearInterval(this.heartbeat);
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.heartbeat = this.flushTimer = null;
    for (const s of this.streams) s.raw.end();
    if (this.streams.size) this.logger.log({ streams: this.streams.size }, 'closed the live event streams for shutdown');
    this.streams.clear();
    await this.changes.stop();
  }

  private queue(ids: string[]): void {
    if (!this.streams.size) return;
    for (const id of ids) this.pending.add(id);
    this.flushTimer ??= setTimeout(() => void this.flush(), COALESCE_MS);
  }

  private async flush(): Promise<void> {
    this.flushTimer = null;
    const ids = [...this.pending];
    this.pending = new Set();
    try {
      for (const summary of await this.incidents.summaries(ids)) this.broadcast('incident', summary);
    } catch (e) {
      this.logger.warn({ err: (e as Error).message, incidents: ids.length }, 'live events: could not read the changed incidents; asking streams to resync');
      this.broadcast('resync', {});
    }
  }

  private broadcast(event: string, data: IncidentSummary | Record<string, never>): void {
    const frame = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
    for (const s of this.streams) s.raw.write(frame);
  }

  private beat(): void {
    const now = Date.now();
    for (const s of this.streams) {
      if (now - s.openedAt >= STREAM_MAX_AGE_MS) s.raw.end();
      else s.raw.write(': heartbeat\n\n');
    }
  }
}
