import { Column, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import type { Restriction, RotationUnit } from './resolution';
import { ScheduleLayerUser } from './schedule-layer-user.entity';
import { Schedule } from './schedule.entity';

/** One rotation of a schedule; `position` orders layers bottom (0) to top. */
@Entity('schedule_layers')
@Index('uq_schedule_layers_schedule_position', ['scheduleId', 'position'], { unique: true })
export class ScheduleLayer {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  scheduleId: string;

  @ManyToOne(() => Schedule, (s) => s.layers, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'schedule_id' })
  schedule?: Schedule;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  /** Exclusive; null = forever. */
  @Column({ type: 'timestamptz', nullable: true })
  endsAt: Date | null;

  @Column({ type: 'text' })
  rotationUnit: RotationUnit;

  @Column({ type: 'integer' })
  rotationLength: number;

  @Column({ type: 'timestamptz' })
  handoffAt: Date;

  /** Restriction[] exactly as in docs/schedules.md (validated on the way in). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  restrictions: Restriction[];

  @OneToMany(() => ScheduleLayerUser, (u) => u.layer)
  users?: ScheduleLayerUser[];
}
