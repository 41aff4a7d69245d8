import { MetricsService } from '../../src/health/metrics.service';
import type { IngestTarget } from '../../src/incidents/incident-commands';
import type { NormalisedEvent } from '../../src/ingest/sources/normalised-event';
import type { TestApp } from '../support/test-app';

/** Row counts that prove what a request stored (or that a rejection stored nothing). */
export async function counts(t: TestApp, serviceId: string): Promise<{ incidents: number; alerts: number; timeline: number }> {
  const [row] = await t.dataSource.query(
    `SELECT
       (SELECT count(*)::int FROM incidents WHERE service_id = $1) AS incidents,
       (SELECT count(*)::int FROM alerts a JOIN incidents i ON i.id = a.incident_id WHERE i.service_id = $1) AS alerts,
       (SELECT count(*)::int FROM incident_timeline e JOIN incidents i ON i.id = e.incident_id WHERE i.service_id = $1) AS timeline`,
    [serviceId],
  );
  return row;
}

/** Events counted on the service's alerts (a repeat is a count on its alert, not a row). */
export async function alertOccurrences(t: TestApp, serviceId: string): Promise<number> {
  const [{ n }] = await t.dataSource.query(
    `SELECT coalesce(sum(a.occurrences), 0)::int AS n FROM alerts a JOIN incidents i ON i.id = a.incident_id WHERE i.service_id = $1`,
    [serviceId],
  );
  return n;
}

export async function incidentsOf(t: TestApp, serviceId: string): Promise<any[]> {
  const res = await t.api().get(`/api/v1/incidents?serviceId=${serviceId}`).expect(200);
  return res.body.items;
}

export async function incidentDetail(t: TestApp, id: string): Promise<any> {
  return (await t.api().get(`/api/v1/incidents/${id}`).expect(200)).body;
}

export function postJson(t: TestApp, url: string, body: unknown) {
  return t.http().post(url).set('Content-Type', 'application/json').send(JSON.stringify(body));
}

/** Where the incident write path records an event: the service, as its Events v2 integration ("Prometheus"). */
export function ingestTarget(serviceId: string, integrationId: string | null): IngestTarget {
  return {
    serviceId,
    integrationId,
    source: 'events-v2',
    actor: { type: 'integration', id: integrationId, name: 'Prometheus', channel: 'integration' },
  };
}

/** A normalised critical trigger for `dedupKey` titled `disk <dedupKey>`; `fields` overrides any field. */
export function ingestEvent(dedupKey: string, fields: Partial<NormalisedEvent> = {}): NormalisedEvent {
  return { action: 'trigger', dedupKey, title: `disk ${dedupKey}`, severity: 'critical', details: {}, links: [], source: 'db-1', occurredAt: null, ...fields } as NormalisedEvent;
}

/** The ingest batch histogram: how many batches were written, and how many events they held in all. */
export async function batchSamples(t: TestApp): Promise<{ count: number; sum: number }> {
  const metric = await t.get(MetricsService).ingestBatchEvents.get();
  const value = (name: string) => metric.values.find((v) => v.metricName === name)?.value ?? 0;
  return { count: value('klaxon_ingest_batch_events_count'), sum: value('klaxon_ingest_batch_events_sum') };
}
