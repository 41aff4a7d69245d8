import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Integration } from '../services/integration.entity';
import type { Severity } from '../ingest/sources/normalised-event';
import { Incident } from './incident.entity';

export type AlertSource = 'events-v2' | 'alertmanager' | 'grafana' | 'generic' | 'heartbeat';

/**
 * One received event (Events v2, generic, heartbeat) or one alert of an
 * Alertmanager/Grafana group, kept with its raw payload. Grouped alerts are
 * upserted by fingerprint: each notification carries the full group state.
 */
@Entity('alerts')
@Index('uq_alerts_incident_fingerprint', ['incidentId', 'fingerprint'], { unique: true, where: `"fingerprint" IS NOT NULL` })
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

  /** Exactly what arrived (for a grouped alert: its element of `alerts[]`). */
  @Column({ type: 'jsonb' })
  payload: unknown;

  @Column({ type: 'timestamptz' })
  receivedAt: Date;

  @Column({ type: 'timestamptz' })
  updatedAt: Date;
}
