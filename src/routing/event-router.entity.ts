import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Fallback, Rule } from './rules/router-rules';

/**
 * One routing key in front of many services: its rules decide, per event (or
 * per alert of a group), which service gets it, or that it is dropped.
 */
@Entity('event_routers')
export class EventRouter {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  /** The credential: 32 characters [a-z0-9], the format of an Events v2 routing key. */
  @Index('uq_event_routers_routing_key', { unique: true })
  @Column({ type: 'text' })
  routingKey: string;

  @Column({ type: 'jsonb' })
  rules: Rule[];

  @Column({ type: 'jsonb' })
  fallback: Fallback;

  /** Bumped by every change of rules or fallback: hit counters and compiled patterns belong to one version. */
  @Column({ type: 'int', default: 1 })
  version: number;

  /** Events per minute for this key; null: the install default (KLAXON_INGEST_RATE_LIMIT_PER_MINUTE); 0: off. */
  @Column({ type: 'int', nullable: true })
  rateLimitPerMinute: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
