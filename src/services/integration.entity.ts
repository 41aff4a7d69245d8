import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Service } from './service.entity';

export const INTEGRATION_TYPES = ['events-v2', 'alertmanager', 'grafana', 'generic', 'opsgenie'] as const;
export type IntegrationType = (typeof INTEGRATION_TYPES)[number];

/** A key a monitoring tool sends with its alerts; it decides the service the alert belongs to. */
@Entity('integrations')
export class Integration {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_integrations_service')
  @Column({ type: 'uuid' })
  serviceId: string;

  @ManyToOne(() => Service, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'service_id' })
  service?: Service;

  @Column({ type: 'text' })
  type: IntegrationType;

  @Column({ type: 'text', nullable: true })
  name: string | null;

  /** The credential: Events v2 routing keys are exactly 32 characters [a-z0-9]; the others are longer. */
  @Index('uq_integrations_key', { unique: true })
  @Column({ type: 'text' })
  key: string;

  /** Grafana only: HMAC-SHA256 secret; when set, unsigned or forged requests get a 401. */
  @Column({ type: 'text', nullable: true })
  signingSecret: string | null;

  @Column({ type: 'text', nullable: true })
  signatureHeader: string | null;

  /** When set, the signature covers `<timestamp>:<body>` and stale timestamps are refused. */
  @Column({ type: 'text', nullable: true })
  timestampHeader: string | null;

  /** Events per minute for this integration; null: the install default (KLAXON_INGEST_RATE_LIMIT_PER_MINUTE); 0: off. */
  @Column({ type: 'int', nullable: true })
  rateLimitPerMinute: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
