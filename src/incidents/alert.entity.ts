import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Integration } from '../services/integration.entity';
import type { Severity } from '../ingest/sources/normalised-event';
import { Incident } from './incident.entity';

/** `manual`: an incident opened by hand (POST /api/v1/incidents, Slack /page; docs/direct-paging.md). */
export type AlertSource = 'events-v2' | 'alertmanager' | 'grafana' | 'generic' | 'opsgenie' | 'heartbeat' | 'manual';

/**
 * One alert of an incident, kept with its latest raw payload and how often it
 * arrived: the incident's own trigger (Events v2, generic, heartbeat; every
 * repeat of its dedup key counts on this row), one alert of an
 * Alertmanager/Grafana group (upserted by fingerprint: each notification
 * carries the full group state), or an acknowledge/resolve event (a row each).
 */
@Entity('alerts')
@Index('uq_alerts_incident_key', ['incidentId', 'alertKey'], { unique: true, where: `"alert_key" IS NOT NULL` })
@Index('ix_alerts_incident_received', ['incidentId', 'receivedAt'])
export class Alert {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  incidentId: string;

  @ManyToOne(() => Incident, (i) => i.alerts, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'incident_id' })
  incident?: Incident;

  /** Null for heartbeat alerts, and after the integration was deleted (the history stays). */
  @Index('ix_alerts_integration')
  @Column({ type: 'uuid', nullable: true })
  integrationId: string | null;

  @ManyToOne(() => Integration, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'integration_id' })
  integration?: Integration;

  @Column({ type: 'text' })
  source: AlertSource;

  /** The event's action (`trigger`, `acknowledge`, `resolve`). */
  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'text', nullable: true })
  fingerprint: string | null;

  /** Which alert of the incident this row counts: the fingerprint, '' for the incident's own trigger, null for an acknowledge/resolve event. */
  @Column({ type: 'text', nullable: true })
  alertKey: string | null;

  /** How many events carried this alert (1 + repeats). */
  @Column({ type: 'integer', default: 1 })
  occurrences: number;

  /** `firing` or `resolved`. */
  @Column({ type: 'text' })
  status: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  severity: Severity;

  /** The normalised, sanitised fields (details, links, labels...). */
  @Column({ type: 'jsonb' })
  details: Record<string, unknown>;

  /** Exactly what arrived last (for a grouped alert: its element of `alerts[]`). */
  @Column({ type: 'jsonb' })
  payload: unknown;

  /** What arrived first, once a repeat replaced `payload`; null while `payload` is still the first. */
  @Column({ type: 'jsonb', nullable: true })
  firstPayload: unknown;

  /** First seen. */
  @Column({ type: 'timestamptz' })
  receivedAt: Date;

  /** Last seen (the latest event that carried it). */
  @Column({ type: 'timestamptz' })
  updatedAt: Date;
}
