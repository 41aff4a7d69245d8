import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Where an inbound answer came from, and what identifies one delivery of it. */
export type InboundReceiptSource = 'twilio-sms' | 'twilio-voice-gather' | 'slack-action';

/**
 * One row per inbound answer acted on (an SMS by its MessageSid, a voice digit by
 * CallSid and digit, a Slack press by action_ts and user): a signed request seen
 * again is a replay, and changes nothing. `receivedAt` lets a retention job delete
 * old rows (docs/channels.md says which ones may go).
 */
@Entity('inbound_receipts')
@Index('ix_inbound_receipts_received_at', ['receivedAt'])
@Index('ix_inbound_receipts_source_received', ['source', 'receivedAt'])
export class InboundReceipt {
  @PrimaryColumn({ type: 'text' })
  source: InboundReceiptSource;

  @PrimaryColumn({ type: 'text' })
  receiptId: string;

  @Column({ type: 'timestamptz' })
  receivedAt: Date;
}
