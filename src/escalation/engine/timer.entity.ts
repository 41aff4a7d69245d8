import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { TimerKindName, TimerPayload } from './timer-data';

/**
 * A timer is a row with a due time (never a setTimeout): claimed by exactly one
 * worker with FOR UPDATE SKIP LOCKED, processed and deleted in one transaction,
 * so a worker that dies mid-way leaves it for another. Timers are only ever
 * inserted by state changes and deleted by the worker that fired them; a timer
 * that no longer matches the incident's state (`data`) fires as a no-op.
 * Read and written through timers.repository.ts only.
 */
@Entity('timers')
@Index('ix_timers_due', ['dueAt'])
@Index('ix_timers_incident', ['incidentId'])
@Index('uq_timers_cleanup', ['kind'], { unique: true, where: `"kind" = 'cleanup'` })
export class Timer {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column({ type: 'text' })
  kind: TimerKindName;

  /** Null only for the engine's own timers (kind `cleanup`), which belong to no incident. */
  @Column({ type: 'uuid', nullable: true })
  incidentId: string | null;

  @Column({ type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'jsonb', default: () => `'{}'::jsonb` })
  data: TimerPayload['data'];

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
