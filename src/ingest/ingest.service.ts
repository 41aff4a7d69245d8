import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { redactStoredPayload } from '../common/credential-redaction';
import { MetricsService } from '../health/metrics.service';
import { IncidentRecorder, IngestTarget, RecordOutcome } from '../incidents/incident-recorder.service';
import { NewIncidentWriter } from '../incidents/new-incident-writer';
import { RepeatedTriggerWriter } from '../incidents/repeated-trigger-writer';
import type { Integration } from '../services/integration.entity';
import type { NormalisedEvent } from './sources/normalised-event';

/**
 * The one ingest path behind every adapter: all events of one request in one
 * transaction; the caller answers 202 only after this resolves (after COMMIT).
 * Nothing pages here: listeners write timer rows that the worker dispatches.
 */
@Injectable()
export class IngestService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly recorder: IncidentRecorder,
    private readonly repeated: RepeatedTriggerWriter,
    private readonly opener: NewIncidentWriter,
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
    // A single trigger (every Events v2 request) joins its open incident, or opens a new one, in
    // one atomic statement shared with the other triggers arriving at the same time; anything
    // else, and whatever these decline, takes one transaction per request.
    const single = events.length === 1 ? events[0] : null;
    const joined = single ? await this.repeated.join(target, single, raw) : null;
    const opened = single && !joined ? await this.opener.open(target, single, raw) : null;
    const fast = joined ?? opened;
    const outcomes = fast ? [fast] : await this.dataSource.transaction(async (em) => {
      const out: RecordOutcome[] = [];
      for (const event of events) out.push(await this.recorder.record(em, target, event, raw));
      return out;
    });
    this.metrics.eventsAccepted.inc({ source: integration.type }, events.length);
    return outcomes;
  }
}
