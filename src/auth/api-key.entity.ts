import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type ApiKeyRole = 'admin' | 'responder' | 'read-only';
export const API_KEY_ROLES: readonly ApiKeyRole[] = ['admin', 'responder', 'read-only'];

/** An API key; only its SHA-256 hash is stored. */
@Entity('api_keys')
export class ApiKey {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  role: ApiKeyRole;

  /** The first characters of the key, shown in listings so people can tell keys apart. */
  @Column({ type: 'text' })
  prefix: string;

  @Index('uq_api_keys_hash', { unique: true })
  @Column({ type: 'text' })
  hash: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
