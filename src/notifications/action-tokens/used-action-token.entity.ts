import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row per redeemed email action link: the primary key makes each token single use. */
@Entity('used_action_tokens')
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
