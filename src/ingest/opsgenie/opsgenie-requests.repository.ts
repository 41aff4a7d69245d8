import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Changed } from '../../database/changed-rows';
import type { OpsgenieAction } from './opsgenie-request.entity';

/** One request's outcome, as recorded and as read back. */
export interface OpsgenieRequestOutcome {
  requestId: string;
  /** The integration or event router whose key made the request. */
  callerId: string;
  action: OpsgenieAction;
  success: boolean;
  status: string;
  alertId: string | null;
  alias: string | null;
  processedAt: Date;
}

interface OpsgenieRequestRow {
  request_id: string;
  caller_id: string;
  action: OpsgenieAction;
  success: boolean;
  status: string;
  alert_id: string | null;
  alias: string | null;
  processed_at: Date;
}

/** The opsgenie_requests table (owned by ingest): request outcomes for the request-status route. */
@Injectable()
export class OpsgenieRequestsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(o: OpsgenieRequestOutcome): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO opsgenie_requests (request_id, caller_id, action, success, status, alert_id, alias, processed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [o.requestId, o.callerId, o.action, o.success, o.status, o.alertId, o.alias, o.processedAt],
    );
  }

  /** The outcome of a request made with this caller's key; null for another caller's request. */
  async find(requestId: string, callerId: string): Promise<OpsgenieRequestOutcome | null> {
    const rows: OpsgenieRequestRow[] = await this.dataSource.query(
      `SELECT request_id, caller_id, action, success, status, alert_id, alias, processed_at
         FROM opsgenie_requests WHERE request_id = $1 AND caller_id = $2`,
      [requestId, callerId],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      requestId: r.request_id,
      callerId: r.caller_id,
      action: r.action,
      success: r.success,
      status: r.status,
      alertId: r.alert_id,
      alias: r.alias,
      processedAt: r.processed_at,
    };
  }

  /** Retention: at most `limit` outcomes processed before `before`, oldest first (ix_opsgenie_requests_processed). */
  async deleteBefore(before: Date, limit: number): Promise<number> {
    const [, n] = await this.dataSource.query<Changed<never>>(
      `DELETE FROM opsgenie_requests WHERE request_id IN
         (SELECT request_id FROM opsgenie_requests WHERE processed_at < $1 ORDER BY processed_at LIMIT $2)`,
      [before, limit],
    );
    return n;
  }
}
