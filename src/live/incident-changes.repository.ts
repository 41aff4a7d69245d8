import { Inject, Injectable, Logger } from '@nestjs/common';
import { Client } from 'pg';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/** The channel the incident triggers notify (migration IncidentChangeNotify): a comma-separated list of incident ids. */
const INCIDENT_CHANGES_CHANNEL = 'klaxon_incident_changes';

const RECONNECT_MS = 1000;

/**
 * This process's LISTEN connection to the incident change notifications,
 * which every process's commits send (database triggers, so no write path
 * can forget them). Opened on the first `start`, reconnected when lost; each
 * notification's ids are handed to `onIds`. Owns no table: it only listens.
 */
@Injectable()
export class IncidentChangesRepository {
  private readonly logger = new Logger(IncidentChangesRepository.name);
  private client: Client | null = null;
  private running = false;
  private onIds: (ids: string[]) => void = () => undefined;
  private onReconnect: () => void = () => undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Starts listening (once). `onReconnect` runs after a lost connection is back: changes in between were missed. */
  async start(onIds: (ids: string[]) => void, onReconnect: () => void): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.onIds = onIds;
    this.onReconnect = onReconnect;
    await this.connect(false);
  }

  async stop(): Promise<void> {
    this.running = false;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(again: boolean): Promise<void> {
    const client = new Client({ connectionString: this.config.databaseUrl });
    client.on('notification', (n) => {
      if (n.channel === INCIDENT_CHANGES_CHANNEL && n.payload) this.onIds(n.payload.split(','));
    });
    client.on('error', (e) => {
      if (!this.running) return;
      this.logger.warn({ err: e.message }, 'incident changes: LISTEN connection lost; reconnecting');
      this.client = null;
      this.retry();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${INCIDENT_CHANGES_CHANNEL}`);
      if (!this.running) {
        await client.end();
        return;
      }
      this.client = client;
      if (again) this.onReconnect();
    } catch (e) {
      this.logger.warn({ err: (e as Error).message }, 'incident changes: could not LISTEN; retrying');
      await client.end().catch(() => undefined);
      this.retry();
    }
  }

  private retry(): void {
    if (this.running) setTimeout(() => this.running && void this.connect(true), RECONNECT_MS).unref();
  }
}
