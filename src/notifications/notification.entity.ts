import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ChannelType } from './channels/notification-channel';

/**
 * pending -> sending -> sent | failed | skipped, with sending -> pending for a
 * retry (or an instance that died mid-send), and pending -> cancelled when the
 * incident is acknowledged or resolved. The database enforces these moves
 * (trigger notifications_check_transition).
 */
export type NotificationState = 'pending' | 'sending' | 'sent' | 'failed' | 'skipped' | 'cancelled';
export const NOTIFICATION_STATES: readonly NotificationState[] = ['pending', 'sending', 'sent', 'failed', 'skipped', 'cancelled'];

/** One row per page to one contact method: the outbox the dispatcher drains. */
@Entity('notifications')
@Index('ix_notifications_due', ['dueAt'], { where: `state = 'pending'` })
@Index('ix_notifications_claimed', ['claimedUntil'], { where: `state = 'sending'` })
@Index('ix_notifications_incident', ['incidentId'])
@Index('ix_notifications_provider_message', ['providerMessageId'], { where: 'provider_message_id IS NOT NULL' })
@Index('ix_notifications_contact_sent', ['contactMethodId', 'sentAt'], { where: `state = 'sent'` })
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  incidentId: string;

  /** incident, epoch, loop, level, user, contact method, rule: a page is inserted once whatever retries or crashes. */
  @Index('uq_notifications_idempotency_key', { unique: true })
  @Column({ type: 'text' })
  idempotencyKey: string;

  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @Column({ type: 'uuid', nullable: true })
  contactMethodId: string | null;

  @Column({ type: 'text', nullable: true })
  ruleId: string | null;

  @Column({ type: 'int' })
  level: number;

  @Column({ type: 'int' })
  loop: number;

  @Column({ type: 'int', default: 0 })
  epoch: number;

  @Column({ type: 'text' })
  channel: ChannelType;

  @Column({ type: 'text' })
  address: string;

  @Column({ type: 'text', default: 'pending' })
  state: NotificationState;

  @Column({ type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'timestamptz', nullable: true })
  claimedUntil: Date | null;

  @Column({ type: 'text', nullable: true })
  claimedBy: string | null;

  @Column({ type: 'text', nullable: true })
  provider: string | null;

  @Column({ type: 'text', nullable: true })
  providerMessageId: string | null;

  /** Delivery status reported later by the provider (Twilio status callback). */
  @Column({ type: 'text', nullable: true })
  deliveryStatus: string | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  /** For bundled pages: the incidents this one message stands for besides its own. */
  @Column({ type: 'int', default: 0 })
  bundledCount: number;

  /** The last time the per-minute rate limit handed this page back for later (kept after it is sent). */
  @Column({ type: 'timestamptz', nullable: true })
  deferredUntil: Date | null;

  /** For a page folded into a bundle (state `cancelled`): the page whose one message stood for it. */
  @Column({ type: 'uuid', nullable: true })
  bundledInto: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
