import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * "Rewrite every Slack message of this incident": written in the transaction that
 * changed the incident, drained by the dispatcher (SlackMessageUpdaterService), so
 * an update survives a crash or a Slack outage. The row is deleted once every
 * message shows the incident's current state; it carries no state of its own
 * because the updater always renders the incident as it is when it runs.
 */
@Entity('slack_message_updates')
@Index('ix_slack_message_updates_due', ['dueAt'])
@Index('ix_slack_message_updates_incident', ['incidentId'])
export class SlackMessageUpdate {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  incidentId: string;

  /**
   * `rewrite`: rewrite every message of the incident (the row carries no state).
   * `note-reply`: post `replyText` in the thread of one message (`notificationId`),
   * queued when a note is added (docs/direct-paging.md).
   */
  @Column({ type: 'text', default: 'rewrite' })
  kind: 'rewrite' | 'note-reply';

  @Index('ix_slack_message_updates_notification')
  @Column({ type: 'uuid', nullable: true })
  notificationId: string | null;

  @Column({ type: 'text', nullable: true })
  replyText: string | null;

  @Column({ type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
