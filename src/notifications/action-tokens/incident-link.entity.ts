import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One short link sent in an SMS page (`PUBLIC_URL/i/<token>`): it opens a page of one
 * incident with Acknowledge and Resolve. Keyed by the SHA-256 of the token, never the
 * token itself. Each action acts once per link: its `*_used_at` is set in the
 * action's transaction (action-tokens/incident-link.token.ts has the expiry rules).
 */
@Entity('incident_links')
export class IncidentLink {
  /** base64url SHA-256 of the token. */
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_incident_links' })
  tokenHash: string;

  @Index('ix_incident_links_incident')
  @Column({ type: 'uuid' })
  incidentId: string;

  /** The paged user, who acts when the link is used; null for a page without a user. */
  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  /** The page that carried the link. */
  @Column({ type: 'uuid', nullable: true })
  notificationId: string | null;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  /** Rows past it can be purged: the link is refused anyway. */
  @Index('ix_incident_links_expires')
  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  acknowledgeUsedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  resolveUsedAt: Date | null;
}
