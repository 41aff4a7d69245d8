import { Injectable } from '@nestjs/common';
import { redactStoredPayload } from '../common/credential-redaction';
import { MetricsService } from '../health/metrics.service';
import type { IngestTarget, RecordOutcome } from '../incidents/incident-commands';
import { IncidentsRepository } from '../incidents/incidents.repository';
import type { Integration } from '../services/integration.entity';
import type { NormalisedEvent } from './sources/normalised-event';

/**
 * The one ingest path behind every adapter: the events of one request are
 * recorded in one transaction (shared with the requests arriving at the same
 * time); the caller answers 202 only after this resolves (after COMMIT).
 * Nothing pages here: the worker claims new incidents and fires their timers.
 */
@Injectable()
export class IngestService {
  constructor(
    private readonly incidents: IncidentsRepository,
    private readonly metrics: MetricsService,
  ) {}

  /** `body`: the request as received; it is stored with each alert, its credential fields redacted. */
  async ingest(integration: Integration, events: NormalisedEvent[], body: unknown): Promise<RecordOutcome[]> {
    const raw = redactStoredPayload(body);
    const target: IngestTarget = {
      serviceId: integration.serviceId,
      integrationId: integration.id,
      source: integration.type,
      actor: { type: 'integration', id: integration.id, name: integration.name ?? integration.type, channel: 'integration' },
    };
    const outcomes = await this.incidents.record(target, events, raw);
    this.metrics.eventsAccepted.inc({ source: integration.type }, events.length);
    return outcomes;
  }
}
