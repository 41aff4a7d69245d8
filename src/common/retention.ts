import { Injectable } from '@nestjs/common';

/**
 * A table the retention cleanup keeps bounded. The module that owns the table
 * registers it (one line) and does the delete with its own repository; the
 * cleanup timer only decides when and how much.
 */
export interface RetainedTable {
  /** The table's name, as the metrics and the cleanup's log line show it. */
  readonly table: string;
  /** Days a row is kept past its own time (creation, expiry, last use); 0 keeps rows forever. */
  readonly keepDays: number;
  /**
   * Deletes at most `limit` rows whose time is before `before`, oldest first,
   * walking an index (never a scan), in one short transaction; returns how many.
   */
  deleteBefore(before: Date, limit: number): Promise<number>;
}

/**
 * Rows that belong to an incident (alerts, timeline, pages): deleted before
 * the incident itself, so no transaction deletes more than `limit` rows
 * through a cascade.
 */
export interface IncidentRows {
  readonly table: string;
  /** Deletes at most `limit` rows of these incidents in one short transaction; returns how many. */
  deleteOfIncidents(incidentIds: readonly string[], limit: number): Promise<number>;
}

/** Resolved incidents past their retention, registered by the incidents module. */
export interface ExpiredIncidents {
  readonly table: string;
  readonly keepDays: number;
  /** Up to `limit` incidents resolved before `before`, oldest resolution first (an index). */
  resolvedBefore(before: Date, limit: number): Promise<string[]>;
  /** Deletes these incidents (still resolved) in one transaction; returns how many. */
  delete(incidentIds: readonly string[]): Promise<number>;
}

/**
 * What the retention cleanup deletes, registered at start by the modules that
 * own the tables, so the cleanup (in the engine) never reaches into their
 * repositories and no module depends back on the engine.
 */
@Injectable()
export class RetainedTables {
  private readonly standalone: RetainedTable[] = [];
  private readonly ofIncidents: IncidentRows[] = [];
  private expired: ExpiredIncidents | null = null;

  table(table: RetainedTable): void {
    this.standalone.push(table);
  }

  incidentRows(rows: IncidentRows): void {
    this.ofIncidents.push(rows);
  }

  incidents(incidents: ExpiredIncidents): void {
    this.expired = incidents;
  }

  /** Tables whose rows stand alone, in registration order. */
  get tables(): readonly RetainedTable[] {
    return this.standalone;
  }

  /** Tables of rows that go with their incident, deleted before it. */
  get rowsOfIncidents(): readonly IncidentRows[] {
    return this.ofIncidents;
  }

  get expiredIncidents(): ExpiredIncidents | null {
    return this.expired;
  }

  /** Every table name the cleanup touches, once each, for the size gauge. */
  names(): string[] {
    return [...new Set([...(this.expired ? [this.expired.table] : []), ...this.ofIncidents.map((r) => r.table), ...this.standalone.map((t) => t.table)])];
  }
}
