import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { ChannelType } from './contact-method-type';
import { User } from './user.entity';

@Entity('contact_methods')
@Index('uq_contact_methods_user_type_address', ['userId', 'type', 'address'], { unique: true })
@Index('ix_contact_methods_type_address', ['type', 'address'])
export class ContactMethod {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, (u) => u.contactMethods, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'text' })
  type: ChannelType;

  /** E.164 number (sms, voice), email address, or Slack user id. */
  @Column({ type: 'text' })
  address: string;

  /** false after the person texted STOP (or an admin disabled it); START enables it again. */
  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
