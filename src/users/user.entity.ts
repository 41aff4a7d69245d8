import { Column, CreateDateColumn, Entity, Index, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ApiKeyRole } from '../auth/api-key.entity';
import { ContactMethod } from './contact-method.entity';
import { NotificationRule } from './notification-rule.entity';

@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  /** Stored lower-case; unique across the install. */
  @Index('uq_users_email', { unique: true })
  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text', default: 'UTC' })
  timeZone: string;

  /** What the user may do when signed in to the console: the API key roles. */
  @Column({ type: 'text', default: 'responder' })
  role: ApiKeyRole;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @OneToMany(() => ContactMethod, (c) => c.user)
  contactMethods?: ContactMethod[];

  @OneToMany(() => NotificationRule, (r) => r.user)
  notificationRules?: NotificationRule[];
}
