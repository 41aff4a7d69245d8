import { Column, Entity, Generated, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Incident } from './incident.entity';

export type ActorType = 'user' | 'api-key' | 'system' | 'integration';
/** `teams`, `mattermost`: the incident link a chat destination's page carried (docs/chat-destinations.md). */
export type ActionChannelName = 'api' | 'slack' | 'sms' | 'voice' | 'email' | 'teams' | 'mattermost' | 'integration' | 'system';

/** What happened to an incident, when, by whom and through which channel (docs/paging.md). Append-only. */
@Entity('incident_timeline')
@Index('ix_incident_timeline_incident_at', ['incidentId', 'at'])
export class IncidentTimelineEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  incidentId: string;

  @ManyToOne(() => Incident, (i) => i.timeline, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'incident_id' })
  incident?: Incident;

  @Column({ type: 'timestamptz' })
  at: Date;

  /** Insertion order within one instant (the fake clock makes many entries share `at`). */
  @Column({ type: 'bigint', insert: false, update: false, transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  @Generated('increment')
  seq: number;

  @Column({ type: 'text' })
  type: string;

  @Column({ type: 'text' })
  message: string;

  @Column({ type: 'text' })
  actorType: ActorType;

  @Column({ type: 'text', nullable: true })
  actorId: string | null;

  @Column({ type: 'text', nullable: true })
  actorName: string | null;

  @Column({ type: 'text' })
  channel: ActionChannelName;

  @Column({ type: 'jsonb', nullable: true })
  data: Record<string, unknown> | null;
}
