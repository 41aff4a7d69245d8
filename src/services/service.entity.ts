import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { EscalationPolicy } from '../escalation/escalation-policy.entity';

/** Something that can break: alerts arrive through its integrations and page through its escalation policy. */
@Entity('services')
export class Service {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('uq_services_name', { unique: true })
  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  /** Null only for the built-in Direct pages service (built-in-services.ts; a check constraint says so). */
  @Index('ix_services_escalation_policy')
  @Column({ type: 'uuid', nullable: true })
  escalationPolicyId: string | null;

  /** A policy in use cannot be deleted (RESTRICT): every service must always be able to page. */
  @ManyToOne(() => EscalationPolicy, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'escalation_policy_id' })
  escalationPolicy?: EscalationPolicy;

  /** An incident still acknowledged after this long returns to triggered (docs/paging.md). Null: never. */
  @Column({ type: 'int', nullable: true })
  ackTimeoutMinutes: number | null;

  /** An incident without a new alert for this long resolves itself. Null: never. */
  @Column({ type: 'int', nullable: true })
  autoResolveMinutes: number | null;

  @Column({ type: 'text', nullable: true })
  slackChannelId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
