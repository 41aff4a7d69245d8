import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ApiKeyRole } from '../auth/api-key.entity';

export type SignInMethod = 'api-key' | 'oidc' | 'email-link';

/**
 * A signed-in console browser (docs/console.md). Only the SHA-256 hash of the
 * cookie's token is stored. A user's session takes the user's current role
 * at each request; a session opened with an admin API key belongs to no user
 * (`apiKeyId`) and keeps `role` admin while the key stays valid.
 */
@Entity('sessions')
export class Session {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_sessions' })
  id: string;

  @Column({ type: 'text' })
  tokenHash: string;

  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  /** The API key a key session was opened with ("env" for KLAXON_ADMIN_API_KEY). */
  @Column({ type: 'text', nullable: true })
  apiKeyId: string | null;

  /** The user's or the key's name when the session opened (audit, listings). */
  @Column({ type: 'text' })
  principalName: string;

  @Column({ type: 'text' })
  role: ApiKeyRole;

  @Column({ type: 'text' })
  signInMethod: SignInMethod;

  /** Sent back in X-CSRF-Token by the console on every write. */
  @Column({ type: 'text' })
  csrfToken: string;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  lastSeenAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
