import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * How many help texts a number got since its last valid reply: capped so that two
 * auto-responders cannot text each other forever. A valid reply deletes the row.
 */
@Entity('sms_help_replies')
@Index('ix_sms_help_replies_updated', ['updatedAt'])
export class SmsHelpReply {
  @PrimaryColumn({ type: 'text' })
  address: string;

  @Column({ type: 'int', default: 0 })
  count: number;

  @Column({ type: 'timestamptz' })
  updatedAt: Date;
}
