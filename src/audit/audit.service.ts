import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { ValidationError } from '../common/errors';
import { Page } from '../common/pagination';
import { MetricsService } from '../health/metrics.service';
import { AuditEntry } from './audit-entry.entity';
import { AuditQuery } from './audit.dto';

export type NewAuditEntry = Omit<AuditEntry, 'id' | 'seq' | 'createdAt'>;

@Injectable()
export class AuditService {
  private readonly logger = new Logger(AuditService.name);

  constructor(
    @InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>,
    private readonly clock: Clock,
    private readonly metrics: MetricsService,
  ) {}

  /**
   * Records a change that has already been committed. Best-effort: a failed
   * insert is logged and counted (klaxon_audit_write_failures_total) but does
   * not turn the caller's success into an error, because the change it
   * describes cannot be rolled back any more.
   */
  async record(entry: NewAuditEntry): Promise<void> {
    try {
      await this.entries.save(this.entries.create({ ...entry, createdAt: this.clock.now() }));
    } catch (err) {
      this.metrics.auditWriteFailures.inc();
      this.logger.error({ err, action: entry.action, resourceType: entry.resourceType, resourceId: entry.resourceId }, 'audit write failed');
    }
  }

  /** Newest first by insertion order; the cursor is the last row's seq. */
  async list(query: AuditQuery): Promise<Page<AuditEntry>> {
    const limit = query.limit ?? 50;
    const qb = this.entries.createQueryBuilder('a');
    if (query.resourceType) qb.andWhere('a.resourceType = :resourceType', { resourceType: query.resourceType });
    if (query.resourceId) qb.andWhere('a.resourceId = :resourceId', { resourceId: query.resourceId });
    if (query.principalId) qb.andWhere('a.principalId = :principalId', { principalId: query.principalId });
    if (query.action) qb.andWhere('a.action = :action', { action: query.action });
    if (query.cursor) qb.andWhere('a.seq < :seq', { seq: decodeCursor(query.cursor) });
    const rows = await qb.orderBy('a.seq', 'DESC').take(limit + 1).getMany();
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit && last ? Buffer.from(`a:${last.seq}`).toString('base64url') : null };
  }
}

function decodeCursor(cursor: string): number {
  const match = /^a:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw ValidationError.field('cursor', 'is not a cursor returned by this API');
  return Number(match[1]);
}
