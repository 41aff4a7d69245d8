import { Column, CreateDateColumn, Entity, Generated, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../users/user.entity';
import { Schedule } from './schedule.entity';

/**
 * A stand-in for [startsAt, endsAt); among overlapping overrides the one created
 * last wins. Overrides go with their user (CASCADE): unlike a rotation slot, a
 * past override should not block deleting a person.
 */
@Entity('schedule_overrides')
@Index('ix_schedule_overrides_schedule_ends', ['scheduleId', 'endsAt'])
export class ScheduleOverride {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  scheduleId: string;

  @ManyToOne(() => Schedule, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'schedule_id' })
  schedule?: Schedule;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /**
   * Insertion order. `createdAt` reaches JavaScript with millisecond precision,
   * so two overrides created in the same millisecond are told apart by this.
   */
  @Column({ type: 'bigint' })
  @Generated('increment')
  seq: string;
}
