import type { Logger } from '@nestjs/common';
import { Client } from 'pg';

const RECONNECT_MS = 1000;

export interface ChannelListenerOptions {
  url: string;
  /** The NOTIFY channel: one of Klaxon's constants (lower-case letters and underscores). */
  channel: string;
  logger: Pick<Logger, 'warn'>;
  /** What the connection is for, at the start of its log lines ("incident changes"). */
  purpose: string;
  onNotification(payload: string): void;
  /**
   * After each LISTEN took effect. `reconnected` is true after the connection
   * was lost or could not be opened: notifications in between were missed.
   */
  onListening(reconnected: boolean): void;
}

/**
 * A connection of its own, outside the pool (a pooled connection serves
 * other work between queries, and LISTEN belongs to a session), that LISTENs
 * on one channel. `start` opens it; when it is lost or cannot be opened it is
 * opened again RECONNECT_MS later, until `stop`. The worker's wake-ups
 * (worker.service.ts) and the console's live events (live/) use it. Owns no
 * table.
 */
export class ChannelListener {
  private client: Client | null = null;
  /** Counts starts and stops: a connection or retry of an earlier start does nothing once it is stale. */
  private generation = 0;
  private running = false;

  constructor(private readonly options: ChannelListenerOptions) {
    if (!/^[a-z_]+$/.test(options.channel)) throw new Error(`not a channel name: ${options.channel}`);
  }

  /** Starts listening; resolves after the first attempt (a failed one is retried in the background). */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    await this.connect(false, ++this.generation);
  }

  async stop(): Promise<void> {
    this.running = false;
    this.generation++;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  /** Whether work of `generation` is still wanted: every start and stop begins a new generation. */
  private current(generation: number): boolean {
    return generation === this.generation && this.running;
  }

  private async connect(again: boolean, generation: number): Promise<void> {
    const { url, channel, logger, purpose } = this.options;
    const client = new Client({ connectionString: url });
    client.on('notification', (n) => {
      // After stop, nothing is told (a connection still opening is closed below).
      if (this.current(generation) && n.channel === channel) this.options.onNotification(n.payload ?? '');
    });
    client.on('error', (e) => {
      // Before it listens, a failure is the catch below's; after stop, nothing needs the connection.
      if (!this.current(generation) || this.client !== client) return;
      logger.warn({ err: e.message }, `${purpose}: LISTEN connection lost; reconnecting`);
      this.client = null;
      this.retry(generation);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${channel}`);
    } catch (e) {
      await client.end().catch(() => undefined);
      if (!this.current(generation)) return;
      logger.warn({ err: (e as Error).message, retryInMs: RECONNECT_MS }, `${purpose}: could not LISTEN; retrying`);
      this.retry(generation);
      return;
    }
    if (!this.current(generation)) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.options.onListening(again);
  }

  private retry(generation: number): void {
    setTimeout(() => this.current(generation) && void this.connect(true, generation), RECONNECT_MS).unref();
  }
}
