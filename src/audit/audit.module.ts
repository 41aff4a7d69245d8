import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AUDIT_RECORDER } from '../auth/mutation-audit';
import { AuditEntry } from './audit-entry.entity';
import { AuditLogController } from './audit-log.controller';
import { AuditLogRecorder } from './audit-recorder';
import { AuditService } from './audit.service';
import { AuditLogRepository } from './audit-log.repository';
import { AuditRetention } from './audit-retention';

/**
 * The audit log: every @MinRole handler's MutationAudit interceptor hands its
 * successful changes to the recorder provided here (global, so the interceptor
 * resolves it in every module with a controller); GET /api/v1/audit-log lists them.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AuditEntry])],
  controllers: [AuditLogController],
  providers: [AuditService, { provide: AUDIT_RECORDER, useClass: AuditLogRecorder }, AuditLogRepository, AuditRetention],
  exports: [AuditService, AUDIT_RECORDER],
})
export class AuditModule {}
