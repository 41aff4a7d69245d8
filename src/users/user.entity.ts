import { Column, CreateDateColumn, Entity, Index, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
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

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @OneToMany(() => ContactMethod, (c) => c.user)
  contactMethods?: ContactMethod[];

  @OneToMany(() => NotificationRule, (r) => r.user)
  notificationRules?: NotificationRule[];
}
