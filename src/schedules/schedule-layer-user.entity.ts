import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../users/user.entity';
import { ScheduleLayer } from './schedule-layer.entity';

/**
 * A slot in a rotation's order (a user may hold several). The foreign key to
 * users is RESTRICT so the database itself refuses to delete someone who is
 * still in a rotation; the API answers that with a 409 first.
 */
@Entity('schedule_layer_users')
@Index('ix_schedule_layer_users_user', ['userId'])
export class ScheduleLayerUser {
  @PrimaryColumn({ type: 'uuid' })
  layerId: string;

  @PrimaryColumn({ type: 'integer' })
  position: number;

  @ManyToOne(() => ScheduleLayer, (l) => l.users, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'layer_id' })
  layer?: ScheduleLayer;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id' })
  user?: User;
}
