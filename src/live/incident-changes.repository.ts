import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ChannelListener } from '../database/channel-listener.repository';

/** The channel the incident triggers notify (migration IncidentChangeNotify): a comma-separated list of incident ids. */
const INCIDENT_CHANGES_CHANNEL = 'klaxon_incident_changes';

/**
 * This process's LISTEN connection to the incident change notifications,
 * which every process's commits send (database triggers, so no write path
 * can forget them). Opened on the first `start`, reconnected when lost
 * (ChannelListener); each notification's ids are handed to `onIds`. Owns no
 * table: it only listens.
 */
@Injectable()
export class IncidentChangesRepository {
  private readonly logger = new Logger(IncidentChangesRepository.name);
  private readonly listener: ChannelListener;
  private onIds: (ids: string[]) => void = () => undefined;
  private onReconnect: () => void = () => undefined;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.listener = new ChannelListener({
      url: config.databaseUrl,
      channel: INCIDENT_CHANGES_CHANNEL,
      logger: this.logger,
      purpose: 'incident changes',
      onNotification: (payload) => payload && this.onIds(payload.split(',')),
      onListening: (reconnected) => reconnected && this.onReconnect(),
    });
  }

  /** Starts listening (once). `onReconnect` runs after a lost connection is back: changes in between were missed. */
  async start(onIds: (ids: string[]) => void, onReconnect: () => void): Promise<void> {
    this.onIds = onIds;
    this.onReconnect = onReconnect;
    await this.listener.start();
  }

  async stop(): Promise<void> {
    await this.listener.stop();
  }
}
