import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { IncidentStatus } from './domain/incident-state';

/** Incidents claimed per statement; the worker claims again while there are more. */
const CLAIM_BATCH = 200;

/** One incident of a claimed batch, as the opening listeners hear it. */
export interface OpenedIncident {
  id: string;
  serviceId: string;
  status: IncidentStatus;
  suppressed: boolean;
  createdAt: Date;
  /**
   * This claim starts what its opening sets off that waits for a
   * maintenance window's end: its escalation, auto-resolve and the post to
   * its service's channel. False for an incident held by a window (it
   * starts once released), and for one started before this claim.
   */
  starts: boolean;
  /** When what it starts counts from: its opening, or its release from maintenance. */
  startsFrom: Date;
  /**
   * This claim announces its opening (outgoing webhooks' `incident.triggered`,
   * queued even while it is held); false when an earlier claim, made while it
   * was held, did.
   */
  announces: boolean;
  /** Held by a maintenance window at the claim (docs/maintenance.md). */
  held: boolean;
}

/**
 * What a new incident sets off, told once per claimed batch inside the
 * claiming transaction (the engine writes the start and auto-resolve timers,
 * the notifications module queues the service's channel post, outgoing
 * webhooks queue `incident.triggered`); each writes its own tables, for the
 * whole batch at once. Throwing rolls the claim back: the next pass claims
 * the incidents again.
 */
export interface IncidentOpeningListener {
  onIncidentsOpened(em: EntityManager, opened: readonly OpenedIncident[], now: Date): Promise<void>;
}

const RETURNING = `i.id, i.service_id AS "serviceId", i.status, i.suppressed, i.created_at AS "createdAt",
  COALESCE(i.maintenance_released_at, i.created_at) AS "startsFrom", (i.maintenance AND i.maintenance_released_at IS NULL) AS held`;

/**
 * The start claim: incidents whose escalation has not started and that no
 * window holds (`ix_incidents_escalation_unstarted`). One UPDATE stamps
 * `escalation_started_at` and, unless the announce claim did it while the
 * incident was held, `webhooks_announced_at`; `announces` says which.
 */
const START_SQL = `
  WITH due AS (
    SELECT id, webhooks_announced_at IS NULL AS announces FROM incidents
     WHERE escalation_started_at IS NULL AND NOT (maintenance AND maintenance_released_at IS NULL)
     ORDER BY created_at, id LIMIT $2 FOR UPDATE SKIP LOCKED
  ), claimed AS (
    UPDATE incidents i SET escalation_started_at = $1, webhooks_announced_at = COALESCE(i.webhooks_announced_at, $1)
      FROM due WHERE i.id = due.id
    RETURNING ${RETURNING}, true AS starts, due.announces
  ) SELECT * FROM claimed ORDER BY "createdAt", id`;

/**
 * The announce claim: incidents whose opening is not announced and that the
 * start claim will not take (`ix_incidents_announce_only`): those a window
 * holds, and those started before the two claims were one (migration
 * `OneOpeningClaim`). Stamps `webhooks_announced_at` only.
 */
const ANNOUNCE_SQL = `
  WITH due AS (
    SELECT id FROM incidents
     WHERE webhooks_announced_at IS NULL AND (maintenance AND maintenance_released_at IS NULL OR escalation_started_at IS NOT NULL)
     ORDER BY created_at, id LIMIT $2 FOR UPDATE SKIP LOCKED
  ), claimed AS (
    UPDATE incidents i SET webhooks_announced_at = $1 FROM due WHERE i.id = due.id
    RETURNING ${RETURNING}, false AS starts, true AS announces
  ) SELECT * FROM claimed ORDER BY "createdAt", id`;

/**
 * The one claim of newly opened incidents. Ingest writes a new incident and
 * nothing else; its commit NOTIFYs the workers, and a worker pass claims the
 * incidents not started yet (SKIP LOCKED, so workers share them and never
 * wait on ingest or on each other), stamps them in one UPDATE and hands the
 * batch to the registered listeners in the same transaction. A crash between
 * the ingest commit and the claim loses nothing: the next pass, of any
 * worker, finds the row. An incident resolved before the claim is stamped
 * and handed on like any other (each listener decides what a resolved or a
 * suppressed one gets). A held maintenance incident (docs/maintenance.md) is
 * claimed once to announce its opening, and started once released.
 */
@Injectable()
export class IncidentOpeningsRepository {
  private readonly listeners: IncidentOpeningListener[] = [];

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  registerListener(listener: IncidentOpeningListener): void {
    this.listeners.push(listener);
  }

  /**
   * Claims up to `limit` incidents to start and up to `limit` to announce
   * only, each claim in its own transaction with its listeners. Refuses to
   * claim while no listener is registered (stamping would lose what the
   * incidents set off). Returns how many incidents were claimed.
   */
  async claimOpened(now: Date, limit = CLAIM_BATCH): Promise<number> {
    if (!this.listeners.length) throw new Error('no incident opening listener is registered: new incidents are left unclaimed');
    return (await this.claim(START_SQL, now, limit)) + (await this.claim(ANNOUNCE_SQL, now, limit));
  }

  private claim(sql: string, now: Date, limit: number): Promise<number> {
    return this.dataSource.transaction(async (em) => {
      const rows: OpenedIncident[] = await em.query(sql, [now, limit]);
      if (!rows.length) return 0;
      for (const listener of this.listeners) await listener.onIncidentsOpened(em, rows, now);
      return rows.length;
    });
  }
}
