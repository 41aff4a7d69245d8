import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MetricsService } from '../health/metrics.service';
import { IncidentRecorder, IngestTarget, RecordOutcome } from '../incidents/incident-recorder.service';
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
    private readonly metrics: MetricsService,
  ) {}

  async ingest(integration: Integration, events: NormalisedEvent[], raw: unknown): Promise<RecordOutcome[]> {
    const target: IngestTarget = {
      serviceId: integration.serviceId,
      integrationId: integration.id,
      source: integration.type,
      actor: { type: 'integration', id: integration.id, name: integration.name ?? integration.type, channel: 'integration' },
    };
    // A repeated trigger (the common case in an alert storm) is one atomic statement shared with
    // the other repeated triggers arriving at the same time, no transaction of its own.
    const joined = events.length === 1 ? await this.repeated.join(target, events[0], raw) : null;
    const outcomes = joined ? [joined] : await this.dataSource.transaction(async (em) => {
      const out: RecordOutcome[] = [];
      for (const event of events) out.push(await this.recorder.record(em, target, event, raw));
      return out;
    });
    this.metrics.eventsAccepted.inc({ source: integration.type }, events.length);
    return outcomes;
  }
}
