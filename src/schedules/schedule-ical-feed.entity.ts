import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../users/user.entity';
import { Schedule } from './schedule.entity';

/**
 * A rendered iCal feed, shared by every Klaxon instance: one row per schedule
 * (`userId` null) and per person's own feed of it. The body is served again
 * while `utcDate` is today and `version` (a digest of everything the feed is
 * rendered from: layers, overrides, names) still matches; otherwise the feed is
 * rendered anew and the row replaced. Goes with its schedule and its user.
 */
@Entity('schedule_ical_feeds')
@Index('uq_schedule_ical_feeds_subject', { synchronize: false })
@Index('ix_schedule_ical_feeds_user', ['userId'])
export class ScheduleIcalFeed {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  scheduleId: string;

  @ManyToOne(() => Schedule, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'schedule_id' })
  schedule?: Schedule;

  /** The person whose shifts alone the feed shows; null = the whole schedule. */
  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  /** The UTC date whose feed window (7 days back, 90 ahead of its midnight) the body covers. */
  @Column({ type: 'date' })
  utcDate: string;

  @Column({ type: 'text' })
  version: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'timestamptz' })
  generatedAt: Date;
}
