import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { EventRouter } from './event-router.entity';

/**
 * How many evaluations a rule (or the fallback) of one version of a router
 * decided, and when it last did. Written only by additive flushes of the
 * in-memory counts (router-hits.repository.ts), so several instances add up.
 */
@Entity('event_router_hits')
export class EventRouterHit {
  @PrimaryColumn({ type: 'uuid' })
  routerId: string;

  @ManyToOne(() => EventRouter, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'router_id', foreignKeyConstraintName: 'fk_event_router_hits_router' })
  router?: EventRouter;

  @PrimaryColumn({ type: 'int' })
  version: number;

  /** The rule's index as text, or `fallback`. */
  @PrimaryColumn({ type: 'text' })
  rule: string;

  @Column({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  count: number;

  @Column({ type: 'timestamptz' })
  lastMatchedAt: Date;
}
