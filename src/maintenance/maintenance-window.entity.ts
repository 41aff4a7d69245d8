import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Service } from '../services/service.entity';

/** Who created a window: the API key, as the audit log names it. */
export interface WindowCreator {
  type: 'api-key';
  id: string;
  name: string;
}

/**
 * A maintenance window (docs/maintenance.md): while it is active
 * (`startAt <= t < endedAt ?? endAt`), new incidents of its services are
 * held. Written only by MaintenanceWindowsRepository.
 */
@Entity('maintenance_windows')
@Index('ix_maintenance_windows_start', ['startAt', 'id'])
export class MaintenanceWindow {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_maintenance_windows' })
  id: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'timestamptz' })
  startAt: Date;

  /** The planned end. */
  @Column({ type: 'timestamptz' })
  endAt: Date;

  /** Set when the window was ended early (`POST .../end`); it is then over from this instant. */
  @Column({ type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  @Column({ type: 'jsonb' })
  createdBy: WindowCreator;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  updatedAt: Date;
}

/**
 * A service a window covers, with the window's start and effective end
 * (`endedAt ?? endAt`) repeated, so that "does a window cover service S at
 * t" is one probe of `ix_maintenance_window_services_cover` (the incident
 * write path asks it for every new incident).
 */
@Entity('maintenance_window_services')
@Index('ix_maintenance_window_services_cover', ['serviceId', 'endsAt'])
export class MaintenanceWindowService {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_maintenance_window_services' })
  windowId: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_maintenance_window_services' })
  serviceId: string;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  @ManyToOne(() => MaintenanceWindow, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'window_id', foreignKeyConstraintName: 'fk_maintenance_window_services_window' })
  window?: MaintenanceWindow;

  @ManyToOne(() => Service, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'service_id', foreignKeyConstraintName: 'fk_maintenance_window_services_service' })
  service?: Service;
}
