import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Service } from './service.entity';

/** `up`: pinged within its interval; `down`: missed it and has an open incident; `pending`: never pinged. */
export type HeartbeatStatus = 'pending' | 'up' | 'down';

/** A dead man's switch: a job pings it every `intervalMinutes`; silence opens an incident on its service. */
@Entity('heartbeat_monitors')
@Index('ix_heartbeat_monitors_due', ['status', 'dueAt'])
export class HeartbeatMonitor {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_heartbeat_monitors_service')
  @Column({ type: 'uuid' })
  serviceId: string;

  @ManyToOne(() => Service, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'service_id' })
  service?: Service;

  @Column({ type: 'text' })
  name: string;

  @Index('uq_heartbeat_monitors_key', { unique: true })
  @Column({ type: 'text' })
  key: string;

  @Column({ type: 'int' })
  intervalMinutes: number;

  @Column({ type: 'timestamptz', nullable: true })
  lastPingAt: Date | null;

  /** When the monitor is overdue: the last ping (or creation) plus the interval. */
  @Column({ type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'text', default: 'pending' })
  status: HeartbeatStatus;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
