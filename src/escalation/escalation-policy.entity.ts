import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export interface PolicyTarget {
  /** `webhook`: an outgoing webhook (docs/webhooks.md); `chat`: a chat destination (docs/chat-destinations.md). */
  type: 'user' | 'schedule' | 'webhook' | 'chat';
  id: string;
}

export interface PolicyLevel {
  delayMinutes: number;
  targets: PolicyTarget[];
}

/**
 * Levels are one JSON document: a policy is always read and replaced whole, and
 * an incident keeps a snapshot of it taken when the incident started.
 */
@Entity('escalation_policies')
export class EscalationPolicy {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('uq_escalation_policies_name', { unique: true })
  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'int', default: 0 })
  repeat: number;

  @Column({ type: 'jsonb' })
  levels: PolicyLevel[];

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
