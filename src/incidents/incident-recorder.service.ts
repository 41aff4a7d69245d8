import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import type { AlertmanagerAlert, NormalisedEvent, Severity } from '../ingest/sources/normalised-event';
import { isSeverity } from '../ingest/sources/normalised-event';
import type { AlertSource } from './alert.entity';
import { Incident } from './incident.entity';
import type { Actor } from './incident-lifecycle';
import { IncidentsService } from './incidents.service';
import { json } from './json-text';

/** Where an event came from: the service it belongs to and who the timeline says sent it. */
export interface IngestTarget {
  serviceId: string;
  integrationId: string | null;
  source: AlertSource;
  actor: Actor;
}

export interface RecordOutcome {
  /** The sender's key, or the one generated for a keyless trigger (returned to the sender). */
  dedupKey: string;
  /** Null when an acknowledge/resolve found no open incident (a 202 no-op). */
  incidentId: string | null;
  created: boolean;
}

/** Bounded: each retry means a concurrent transaction resolved the incident between our two statements. */
const MAX_OPEN_ATTEMPTS = 5;

/**
 * Records one normalised event in the caller's transaction: dedup onto the
 * open incident or open one, keep the alert rows, apply the source's
 * acknowledge/resolve. The unique partial index on (service_id, dedup_key)
 * among open incidents is what makes concurrent triggers converge.
 */
@Injectable()
export class IncidentRecorder {
  constructor(
    private readonly incidents: IncidentsService,
    private readonly clock: Clock,
  ) {}

  async record(em: EntityManager, target: IngestTarget, event: NormalisedEvent, raw: unknown): Promise<RecordOutcome> {
    const dedupKey = event.dedupKey ?? randomUUID().replace(/-/g, '');
    if (event.action !== 'trigger') {
      const incident = await this.lockOpen(em, target.serviceId, dedupKey);
      if (!incident) return { dedupKey, incidentId: null, created: false };
      await this.storeAlerts(em, incident.id, target, event, raw);
      await this.incidents.transition(em, incident, event.action, target.actor);
      return { dedupKey, incidentId: incident.id, created: false };
    }

    const { incident, created } = await this.openOrJoin(em, target.serviceId, dedupKey, event);
    const changed = await this.storeAlerts(em, incident.id, target, event, raw);
    if (created) {
      await this.incidents.appendTimeline(em, incident.id, {
        type: 'triggered',
        message: `Triggered by ${target.actor.name ?? target.source}: ${incident.title}`,
        actor: target.actor,
        data: { source: target.source, severity: incident.severity },
        at: incident.createdAt,
      });
      await this.incidents.emit(em, incident, 'triggered', target.actor);
    } else if (changed) {
      const now = this.clock.now();
      await em.getRepository(Incident).update({ id: incident.id }, { lastAlertAt: now, updatedAt: now });
      Object.assign(incident, { lastAlertAt: now, updatedAt: now });
      await this.incidents.transition(em, incident, 'trigger', target.actor);
    }
    // An identical redelivery (Alertmanager HA pairs, retries) changes nothing: no timeline, no listener.
    return { dedupKey, incidentId: incident.id, created };
  }

  private lockOpen(em: EntityManager, serviceId: string, dedupKey: string): Promise<Incident | null> {
    return em
      .getRepository(Incident)
      .createQueryBuilder('i')
      .where('i.serviceId = :serviceId AND i.dedupKey = :dedupKey', { serviceId, dedupKey })
      .andWhere(`i.status <> 'resolved'`)
      .setLock('pessimistic_write')
      .getOne();
  }

  /**
   * Find-then-insert with ON CONFLICT DO NOTHING on the partial unique index:
   * a concurrent inserter makes us wait for its commit, then we find (and
   * lock) its row on the next pass.
   */
  private async openOrJoin(
    em: EntityManager,
    serviceId: string,
    dedupKey: string,
    event: NormalisedEvent,
  ): Promise<{ incident: Incident; created: boolean }> {
    for (let attempt = 0; attempt < MAX_OPEN_ATTEMPTS; attempt++) {
      const open = await this.lockOpen(em, serviceId, dedupKey);
      if (open) return { incident: open, created: false };
      const now = this.clock.now();
      const rows: { id: string }[] = await em.query(
        `INSERT INTO incidents (service_id, dedup_key, status, title, severity, created_at, updated_at, last_alert_at)
         VALUES ($1, $2, 'triggered', $3, $4, $5, $5, $5)
         ON CONFLICT (service_id, dedup_key) WHERE status <> 'resolved' DO NOTHING
         RETURNING id`,
        [serviceId, dedupKey, event.title, event.severity, now],
      );
      if (rows.length) {
        const incident = await em.getRepository(Incident).findOneOrFail({ where: { id: rows[0].id } });
        return { incident, created: true };
      }
    }
    throw new Error(`could not open or find the incident for dedup key ${dedupKey} after ${MAX_OPEN_ATTEMPTS} attempts`);
  }

  /** Returns whether anything new arrived (always for ungrouped events; for groups, a new or changed alert). */
  private async storeAlerts(
    em: EntityManager,
    incidentId: string,
    target: IngestTarget,
    event: NormalisedEvent,
    raw: unknown,
  ): Promise<boolean> {
    const now = this.clock.now();
    const common = [incidentId, target.integrationId, target.source, event.action];
    if (!event.alerts) {
      const details = { ...event.details, links: event.links, source: event.source, occurredAt: event.occurredAt };
      await em.query(
        `INSERT INTO alerts (incident_id, integration_id, source, action, fingerprint, status, title, severity, details, payload, received_at, updated_at)
         VALUES ($1, $2, $3, $4, NULL, $5, $6, $7, $8, $9, $10, $10)`,
        [...common, event.action === 'resolve' ? 'resolved' : 'firing', event.title, event.severity, json(details), json(raw), now],
      );
      return true;
    }
    let changed = false;
    for (const alert of event.alerts) {
      // Only rows actually inserted or changed come back: an identical redelivery returns nothing.
      const rows: unknown[] = await em.query(
        `INSERT INTO alerts AS a (incident_id, integration_id, source, action, fingerprint, status, title, severity, details, payload, received_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)
         ON CONFLICT (incident_id, fingerprint) WHERE fingerprint IS NOT NULL DO UPDATE SET
           action = EXCLUDED.action, status = EXCLUDED.status, title = EXCLUDED.title, severity = EXCLUDED.severity,
           details = EXCLUDED.details, payload = EXCLUDED.payload, updated_at = EXCLUDED.updated_at
         WHERE a.status IS DISTINCT FROM EXCLUDED.status OR a.payload IS DISTINCT FROM EXCLUDED.payload
         RETURNING a.id`,
        [
          ...common,
          alert.fingerprint,
          alert.status,
          alertTitle(alert, event.title),
          alertSeverity(alert, event.severity),
          json(alertDetails(alert)),
          json(rawAlert(raw, alert.fingerprint) ?? alert),
          now,
        ],
      );
      if (rows.length) changed = true;
    }
    return changed;
  }
}

function alertTitle(alert: AlertmanagerAlert, fallback: string): string {
  return alert.annotations.summary?.trim() || alert.labels.alertname || fallback;
}

function alertSeverity(alert: AlertmanagerAlert, fallback: Severity): Severity {
  return isSeverity(alert.labels.severity) ? alert.labels.severity : fallback;
}

function alertDetails(alert: AlertmanagerAlert): Record<string, unknown> {
  return {
    labels: alert.labels,
    annotations: alert.annotations,
    startsAt: alert.startsAt,
    endsAt: alert.endsAt,
    generatorURL: alert.generatorURL,
    ...(alert.grafana ? { grafana: alert.grafana } : {}),
  };
}

/** The alert's own element of the raw `alerts[]`, so the stored payload is exactly what arrived. */
function rawAlert(raw: unknown, fingerprint: string): unknown {
  const alerts = (raw as { alerts?: unknown })?.alerts;
  if (!Array.isArray(alerts)) return undefined;
  return alerts.find((a) => (a as { fingerprint?: unknown })?.fingerprint === fingerprint);
}
