import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One row per redeemed email action link: the primary key makes each token single use. */
@Entity('used_action_tokens')
@Index('ix_used_action_tokens_expires', ['expiresAt'])
export class UsedActionToken {
  @PrimaryColumn({ type: 'uuid' })
  tokenId: string;

  @Column({ type: 'uuid' })
  incidentId: string;

  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'timestamptz' })
  usedAt: Date;

  /** The token's own expiry: rows past it can be purged, the signature refuses the token anyway. */
  @Column({ type: 'timestamptz' })
  expiresAt: Date;
}
