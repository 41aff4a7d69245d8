import type { Logger } from '@nestjs/common';
import { Client, QueryResult } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import { BatchDecision, decideBatch, LoadedIncident } from './incident-batch-decision';
import type { CommandResult, IncidentCommand } from './incident-commands';
import type { IncidentLifecycleListener } from './incident-lifecycle';
import { incidentLogEntries } from './incident-log';
import { LOAD_SQL, loadKeys, LoadedRow, onlyTriggers, toLoaded, TriggerLoadedRow, writeRows } from './incident-statements';
import { PREPARED, WRITE_SQL } from './incident-write-statements';
import { json, jsonLiteral, literal } from './json-text';
import { KnownBatch, KnownIncidents } from './known-incidents';

/**
 * How one batch of incident commands is written (incidents.repository.ts
 * queues them): the statements of incident-statements.ts and
 * incident-write-statements.ts around the pure decision.
 */
export class IncidentBatchWriter {
  /** Connections on which the batch statements are prepared. */
  private readonly prepared = new WeakSet<Client>();
  private readonly known = new KnownIncidents();

  constructor(
    private readonly dataSource: DataSource,
    private readonly listeners: readonly IncidentLifecycleListener[],
    private readonly logger: Logger,
  ) {}

  /**
   * One batch, one transaction. Two round trips when no listener has to run:
   * BEGIN with the load, then the write with COMMIT (each one simple-protocol
   * message executing a statement prepared on the connection, the rows as
   * literals). Three when the batch changed an incident that listeners act
   * on: BEGIN with the load, the write, then the listeners' own statements
   * and COMMIT. One when every command repeats an open incident this
   * process wrote last (known-incidents.ts) and writes its alert alone (a
   * burst is open: RepeatBurst): the write alone, which checks the rows'
   * versions; if one has moved on, the batch runs the usual way.
   */
  async write(commands: IncidentCommand[], now: Date): Promise<CommandResult[]> {
    const runner = this.dataSource.createQueryRunner('master');
    const connection: unknown = await runner.connect();
    try {
      if (!(connection instanceof Client)) throw new Error('incident batches need the pg driver');
      await this.prepare(connection);
      const known = this.known.forRepeats(commands);
      const results = known ? await this.writeKnown(connection, commands, known, now) : null;
      return results ?? (await this.writeLoaded(connection, runner.manager, commands, now));
    } catch (err) {
      this.known.forgetKeys(commands);
      if (connection instanceof Client) await connection.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      await runner.release();
    }
  }

  /** The batch steps in the caller's transaction (no BEGIN/COMMIT of ours); nothing is remembered, the caller may change the rows again. */
  async writeIn(em: EntityManager, commands: IncidentCommand[], now: Date): Promise<CommandResult[]> {
    const rows: LoadedRow[] = await em.query(LOAD_SQL, [json(loadKeys(commands)), now]);
    const incidents = rows.map(toLoaded);
    this.known.forget(incidents);
    const decision = decideBatch(commands, incidents, now);
    if (hasWrites(decision)) {
      await em.query(WRITE_SQL, [...writeRows(decision).map(json), now, decision.opened]);
    }
    await this.tell(em, decision);
    // The caller commits: its transaction is short and rarely rolls back (a timer that fails is retried).
    this.logChanges(commands, incidents, decision);
    return decision.results;
  }

  /** Repeats decided from known incidents that write alerts alone, in one statement if every row still has its version; null otherwise. */
  private async writeKnown(connection: Client, commands: IncidentCommand[], known: KnownBatch, now: Date): Promise<CommandResult[] | null> {
    const d = decideBatch(commands, known.loaded, now);
    // Repeats within open bursts write their alerts alone; anything else (a burst to start, a change, a retry) is the usual path's.
    if (d.incidents.length || d.timeline.length || !d.alerts.length || d.results.some((r) => r.kind !== 'event')) return null;
    const { rows } = await connection.query<{ ok: boolean }>(
      `EXECUTE ${PREPARED.knownWrite.name}(${jsonLiteral(known.versions)}, ${jsonLiteral(d.alerts)}, ${literal(now.toISOString())})`,
    );
    if (!rows[0]?.ok) {
      this.known.forgetKeys(commands, true);
      return null;
    }
    // The incident rows, and so the versions remembered, are as they were.
    return d.results;
  }

  private async writeLoaded(connection: Client, em: EntityManager, commands: IncidentCommand[], now: Date): Promise<CommandResult[]> {
    const at = literal(now.toISOString());
    // A batch of triggers reads fewer columns (TRIGGER_LOAD_SQL); any other batch reads whole incidents.
    const load = onlyTriggers(commands) ? PREPARED.loadTriggers : PREPARED.load;
    type Row = LoadedRow | TriggerLoadedRow;
    const loaded: QueryResult<Row> | QueryResult<Row>[] = await connection.query<Row>(
      `BEGIN; EXECUTE ${load.name}(${jsonLiteral(loadKeys(commands))}, ${at})`,
    );
    const rows = Array.isArray(loaded) ? loaded[loaded.length - 1].rows : loaded.rows;
    const incidents = rows.map(toLoaded);
    const d = decideBatch(commands, incidents, now);
    const write = hasWrites(d)
      ? `EXECUTE ${PREPARED.write.name}(${writeRows(d).map(jsonLiteral).join(', ')}, ${at}, ${d.opened});`
      : '';
    if (d.lifecycle.length) {
      if (write) await connection.query(write);
      await this.tell(em, d);
      await connection.query('COMMIT');
      // The listeners may have changed the rows after the write: their state is not known here.
      this.known.forget(incidents);
    } else {
      // With a write, the answer is [the write's rows, COMMIT's]: the write returns the id of its transaction.
      const written: unknown = await connection.query(`${write}COMMIT`);
      const writer = Array.isArray(written) ? (written[0] as QueryResult<{ version: string }>).rows[0]?.version : undefined;
      const touched = new Set(d.incidents.map((row) => row.id));
      this.known.remember(
        incidents.map((l: LoadedIncident, i: number) => ({
          incident: l.incident,
          version: writer && touched.has(l.incident.id) ? writer : rows[i].version,
        })),
      );
    }
    this.logChanges(commands, incidents, d);
    return d.results;
  }

  /** Prepares the batch statements on a connection the first time this process uses it. */
  private async prepare(connection: Client): Promise<void> {
    if (this.prepared.has(connection)) return;
    const names = Object.values(PREPARED).map((p) => p.name);
    const { rows } = await connection.query<{ name: string }>('SELECT name FROM pg_prepared_statements WHERE name = ANY($1)', [names]);
    const missing = Object.values(PREPARED).filter((p) => !rows.some((r) => r.name === p.name));
    if (missing.length) await connection.query(missing.map((p) => p.text).join(';\n'));
    this.prepared.add(connection);
  }

  /** One info line per incident the batch opened, acknowledged or resolved (incident-log.ts). */
  private logChanges(commands: IncidentCommand[], incidents: LoadedIncident[], d: BatchDecision): void {
    if (!d.opened && !d.lifecycle.length) return;
    for (const { fields, msg } of incidentLogEntries(commands, incidents, d)) this.logger.log(fields, msg);
  }

  private async tell(em: EntityManager, d: BatchDecision): Promise<void> {
    if (!d.lifecycle.length) return;
    for (const listener of this.listeners) await listener.onIncidentEvents(em, d.lifecycle);
  }
}

function hasWrites(d: BatchDecision): boolean {
  return d.incidents.length > 0 || d.alerts.length > 0 || d.timeline.length > 0;
}
