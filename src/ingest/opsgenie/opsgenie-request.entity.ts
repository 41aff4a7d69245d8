import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const OPSGENIE_ACTIONS = ['Create', 'Acknowledge', 'Close', 'AddNote'] as const;
/** Opsgenie's names for what a request asked for, as its request status reports them. */
export type OpsgenieAction = (typeof OPSGENIE_ACTIONS)[number];

/**
 * What became of one accepted request to the Opsgenie-compatible API, read by
 * `GET /v2/alerts/requests/{requestId}` (docs/opsgenie.md). Written only by
 * OpsgenieRequestsRepository; kept KLAXON_RETENTION_OPSGENIE_REQUEST_DAYS.
 */
@Entity('opsgenie_requests')
@Index('ix_opsgenie_requests_processed', ['processedAt'])
export class OpsgenieRequest {
  @PrimaryColumn({ type: 'uuid' })
  requestId: string;

  /** The integration or event router whose key made the request; no foreign key (an outcome is history, read only with that key). */
  @Index('ix_opsgenie_requests_caller')
  @Column({ type: 'uuid' })
  callerId: string;

  @Column({ type: 'text' })
  action: OpsgenieAction;

  @Column({ type: 'boolean' })
  success: boolean;

  @Column({ type: 'text' })
  status: string;

  /** The incident acted on; no foreign key (an outcome is history). */
  @Column({ type: 'uuid', nullable: true })
  alertId: string | null;

  @Column({ type: 'text', nullable: true })
  alias: string | null;

  @Column({ type: 'timestamptz' })
  processedAt: Date;
}
