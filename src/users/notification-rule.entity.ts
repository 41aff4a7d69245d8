import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ContactMethod } from './contact-method.entity';
import { User } from './user.entity';

/** "Notify me on this contact method delayMinutes after I am paged." */
@Entity('notification_rules')
@Index('uq_notification_rules_cm_delay', ['contactMethodId', 'delayMinutes'], { unique: true })
export class NotificationRule {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, (u) => u.notificationRules, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'uuid' })
  contactMethodId: string;

  @ManyToOne(() => ContactMethod, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contact_method_id' })
  contactMethod?: ContactMethod;

  @Column({ type: 'int' })
  delayMinutes: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
