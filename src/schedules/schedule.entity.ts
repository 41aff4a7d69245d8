import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ScheduleLayer } from './schedule-layer.entity';

@Entity('schedules')
export class Schedule {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  /** IANA zone in which turn boundaries and restrictions are read (docs/schedules.md). */
  @Column({ type: 'text' })
  timeZone: string;

  /** The Slack channel told "On call now" at every change of the final on-call user (docs/handoff.md); null: none. */
  @Column({ type: 'text', nullable: true })
  slackChannelId: string | null;

  /** Unguessable secret (32 random bytes, base64url) that lets calendar apps read the iCal feed without an API key. */
  @Column({ type: 'text' })
  icalToken: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  /** Bottom to top, ordered by `position`. */
  @OneToMany(() => ScheduleLayer, (l) => l.schedule)
  layers?: ScheduleLayer[];
}
