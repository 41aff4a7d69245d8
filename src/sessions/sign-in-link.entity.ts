import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An email sign-in link (docs/console.md): the SHA-256 hash of its token, valid until `expiresAt`, used once. */
@Entity('sign_in_links')
export class SignInLink {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_sign_in_links' })
  id: string;

  @Column({ type: 'text' })
  tokenHash: string;

  @Column({ type: 'uuid' })
  userId: string;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;
}
