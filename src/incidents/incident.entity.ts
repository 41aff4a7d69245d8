import { Column, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn, VirtualColumn } from 'typeorm';
import { Service } from '../services/service.entity';
import type { Severity } from '../ingest/sources/normalised-event';
import type { IncidentStatus } from './domain/incident-state';
import type { Alert } from './alert.entity';
import type { ActionChannelName, ActorType, IncidentTimelineEntry } from './incident-timeline-entry.entity';

/** Who acted, and through which channel; stored on the incident for acknowledged/resolved. */
export interface ActorRecord {
  type: 'user' | 'api-key' | 'system' | 'integration';
  id: string | null;
  name: string | null;
  channel: string;
}

const bigintAsNumber = {
  to: (v: number | undefined) => v,
  from: (v: string | null) => (v === null ? null : Number(v)),
};

/**
 * Dedup is enforced by the database: at most one open incident per
 * (service, dedup key), so concurrent triggers converge on one row
 * (`INSERT ... ON CONFLICT ... WHERE status <> 'resolved' DO NOTHING`).
 * Every instant is written from the injected Clock, never SQL now().
 */
/**
 * A burst of repeated triggers: the same dedup key again while the incident
 * is open, shown as one timeline entry. The burst is counted on the
 * incident's trigger alert (the alert row of its ungrouped triggers, whose
 * `occurrences` every repeat adds to): the burst's count is that alert's occurrences
 * less `base`, and its last repeat is that alert's `updated_at`. So a repeat
 * writes that alert alone (docs/architecture.md); the entry itself is
 * written when the burst starts and again, with its final count, when it
 * ends; in between, readers render it (liveBurstEntry).
 */
export interface RepeatBurst {
  entryId: string;
  /** The trigger alert's occurrences before the burst's first repeat. */
  base: number;
  /** ISO time of the first repeat. */
  firstAt: string;
  /** The source and actor of the first repeat: the entry's. */
  source: string;
  actor: { type: ActorType; id: string | null; name: string | null; channel: ActionChannelName };
}

/** The trigger alert of an incident: its ungrouped triggers' row (`alert_key` ''), counting them. */
const triggerAlert = (alias: string, column: string) =>
  `SELECT t.${column} FROM alerts t WHERE t.incident_id = ${alias}.id AND t.alert_key = ''`;

@Entity('incidents')
@Index('uq_incidents_open_dedup', ['serviceId', 'dedupKey'], { unique: true, where: `"status" <> 'resolved'` })
@Index('ix_incidents_created', ['createdAt', 'id'])
@Index('ix_incidents_status_created', ['status', 'createdAt', 'id'])
@Index('ix_incidents_service_created', ['serviceId', 'createdAt', 'id'])
@Index('ix_incidents_escalation_unstarted', ['createdAt', 'id'], { where: '"escalation_started_at" IS NULL AND NOT ("maintenance" AND "maintenance_released_at" IS NULL)' })
@Index('ix_incidents_resolved', ['resolvedAt', 'id'], { where: `"status" = 'resolved'` })
@Index('ix_incidents_announce_only', ['createdAt', 'id'], {
  where: '"webhooks_announced_at" IS NULL AND ("maintenance" AND "maintenance_released_at" IS NULL OR "escalation_started_at" IS NOT NULL)',
})
@Index('ix_incidents_held', ['serviceId', 'id'], { where: `"maintenance" AND "maintenance_released_at" IS NULL AND "status" = 'triggered'` })
@Index('ix_incidents_router_open', ['routerId', 'dedupKey'], { where: `"router_id" IS NOT NULL AND "status" <> 'resolved'` })
export class Incident {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Per install, from the incident_number_seq sequence: "#123", short enough to say on the phone. */
  @Index('uq_incidents_number', { unique: true })
  @Column({ type: 'bigint', insert: false, update: false, default: () => `nextval('incident_number_seq')`, transformer: bigintAsNumber })
  number: number;

  @Column({ type: 'uuid' })
  serviceId: string;

  @ManyToOne(() => Service, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'service_id' })
  service?: Service;

  @Column({ type: 'text' })
  dedupKey: string;

  /** The event router that opened it (routing/); its acknowledge and resolve events find the incident by (router, dedup key). */
  @Column({ type: 'uuid', nullable: true })
  routerId: string | null;

  /** Opened by a router rule with `suppress`: recorded and listed, never escalated nor announced in Slack. */
  @Column({ type: 'boolean', default: false })
  suppressed: boolean;

  @Column({ type: 'text' })
  status: IncidentStatus;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  severity: Severity;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  updatedAt: Date;

  /**
   * When the incident row last took an alert; a repeat of an open incident
   * writes only its trigger alert, so the last alert came at the later of
   * this and `lastTriggerAt` (lastAlertTime).
   */
  @Column({ type: 'timestamptz' })
  lastAlertAt: Date;

  /** Triggers counted on the trigger alert (null without one): the repeat burst's count is read from it. */
  @VirtualColumn({ type: 'int', query: (alias) => triggerAlert(alias, 'occurrences') })
  triggerCount?: number | null;

  /** When the trigger alert was last written: the last trigger without a group of alerts. */
  @VirtualColumn({ type: 'timestamptz', query: (alias) => triggerAlert(alias, 'updated_at') })
  lastTriggerAt?: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  acknowledgedAt: Date | null;

  @Column({ type: 'jsonb', nullable: true })
  acknowledgedBy: ActorRecord | null;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @Column({ type: 'jsonb', nullable: true })
  resolvedBy: ActorRecord | null;

  /**
   * The timeline entry that is counting the current burst of repeated
   * triggers (the same dedup key again while the incident is open); null when
   * none is open. A change of status ends the burst: the next repeat starts a
   * new entry. Kept on the incident so that it is read under the incident's
   * row lock.
   */
  @Column({ type: 'jsonb', nullable: true })
  repeatBurst: RepeatBurst | null;

  /** Escalation state, owned by the escalation engine (updateEscalationState). */
  @Column({ type: 'int', default: 0 })
  level: number;

  @Column({ type: 'int', default: 0 })
  loop: number;

  /** How many times escalation restarted at level 0 (ack timeout, un-acknowledge); part of every page's idempotency key. */
  @Column({ type: 'int', default: 0 })
  escalationEpoch: number;

  @Column({ type: 'boolean', default: false })
  escalationExhausted: boolean;

  @Column({ type: 'jsonb', nullable: true })
  policySnapshot: unknown;

  @Column({ type: 'timestamptz', nullable: true })
  levelReachedAt: Date | null;

  /**
   * Set by the start claim (incident-openings.repository.ts) that handed the
   * new incident to what its opening sets off (escalation, auto-resolve, the
   * service's channel post); null until then, and while a window holds it.
   */
  @Column({ type: 'timestamptz', nullable: true })
  escalationStartedAt: Date | null;

  /**
   * Set by the claim that announced the opening (outgoing webhooks'
   * `incident.triggered`): the start claim, or the announce claim of a held
   * incident.
   */
  @Column({ type: 'timestamptz', nullable: true })
  webhooksAnnouncedAt: Date | null;

  /**
   * Opened while a maintenance window covered its service (docs/maintenance.md):
   * its escalation and Slack post wait until it is released.
   */
  @Column({ type: 'boolean', default: false })
  maintenance: boolean;

  /** When the last window covering its service ended with the incident still triggered: escalation started then. */
  @Column({ type: 'timestamptz', nullable: true })
  maintenanceReleasedAt: Date | null;

  @OneToMany('Alert', 'incident')
  alerts?: Alert[];

  @OneToMany('IncidentTimelineEntry', 'incident')
  timeline?: IncidentTimelineEntry[];
}
