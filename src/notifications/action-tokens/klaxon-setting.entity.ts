import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * Install-wide values every instance must share, generated once by whichever
 * instance needs them first (INSERT ... ON CONFLICT DO NOTHING, then read back).
 * Today: the action-link signing key when KLAXON_SECRET is unset.
 */
@Entity('klaxon_settings')
export class KlaxonSetting {
  @PrimaryColumn({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  value: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
