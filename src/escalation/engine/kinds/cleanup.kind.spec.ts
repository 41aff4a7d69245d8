import type { EntityManager } from 'typeorm';
import { RetainedTables } from '../../../common/retention';
import type { AppConfig } from '../../../config/app-config';
import { MetricsService } from '../../../health/metrics.service';
import type { DueTimer } from '../timer-data';
import { CLEANUP_BATCH_ROWS, CLEANUP_BATCHES_PER_FIRING, CLEANUP_PAUSE_MS, CleanupKind } from './cleanup.kind';

const now = new Date('2026-03-08T14:00:00.000Z');
const DAY_MS = 86_400_000;
const config = { KLAXON_CLEANUP_INTERVAL_MINUTES: 10 } as AppConfig;
const em = {} as EntityManager;
const timer = (data: DueTimer<'cleanup'>['data'] = {}): DueTimer<'cleanup'> => ({ id: '1', incidentId: null, dueAt: now, attempts: 0, kind: 'cleanup', data });

/** A table holding `rows` deletable rows, deleting at most `limit` per call, as a repository would. */
function table(name: string, keepDays: number, rows: number) {
  const calls: { before: Date; limit: number }[] = [];
  let left = rows;
  return {
    calls,
    table: {
      table: name,
      keepDays,
      deleteBefore: async (before: Date, limit: number) => {
        calls.push({ before, limit });
        const n = Math.min(left, limit);
        left -= n;
        return n;
      },
    },
  };
}

describe('cleanup timer', () => {
  it('deletes each table at its own horizon, in batches of 1,000, and re-arms after the interval when done', async () => {
    const retained = new RetainedTables();
    const audit = table('audit_log', 400, 1500);
    const forever = table('kept', 0, 10);
    retained.table(audit.table);
    retained.table(forever.table);
    const kind = new CleanupKind(retained, new MetricsService(), config);

    const next = await kind.fire(em, timer(), now);

    expect(audit.calls).toEqual([
      { before: new Date(now.getTime() - 400 * DAY_MS), limit: CLEANUP_BATCH_ROWS },
      { before: new Date(now.getTime() - 400 * DAY_MS), limit: CLEANUP_BATCH_ROWS },
    ]);
    expect(forever.calls).toEqual([]);
    expect(next).toEqual([{ kind: 'cleanup', incidentId: null, dueAt: new Date(now.getTime() + 10 * 60_000), data: {} }]);
  });

  it('stops after its batches and re-arms after a pause with the run so far; the next firing carries on', async () => {
    const retained = new RetainedTables();
    const big = table('audit_log', 1, CLEANUP_BATCHES_PER_FIRING * CLEANUP_BATCH_ROWS + 500);
    retained.table(big.table);
    const kind = new CleanupKind(retained, new MetricsService(), config);

    const [first] = await kind.fire(em, timer(), now);
    expect(big.calls).toHaveLength(CLEANUP_BATCHES_PER_FIRING);
    expect(first).toEqual({
      kind: 'cleanup',
      incidentId: null,
      dueAt: new Date(now.getTime() + CLEANUP_PAUSE_MS),
      data: { runStartedAt: now.toISOString(), deleted: { audit_log: CLEANUP_BATCHES_PER_FIRING * CLEANUP_BATCH_ROWS } },
    });

    const later = new Date(now.getTime() + 2000);
    const [second] = await kind.fire(em, timer(first.data as DueTimer<'cleanup'>['data']), later);
    expect(second.dueAt).toEqual(new Date(later.getTime() + 10 * 60_000));
    expect(big.calls).toHaveLength(CLEANUP_BATCHES_PER_FIRING + 1);
  });

  it('deletes the rows of expired incidents before the incidents, and nothing when incident retention is 0', async () => {
    const order: string[] = [];
    const registry = (keepDays: number) => {
      const retained = new RetainedTables();
      let pending = ['i1', 'i2'];
      retained.incidents({
        table: 'incidents',
        keepDays,
        resolvedBefore: async () => pending,
        delete: async (ids) => {
          order.push(`incidents ${ids.join(',')}`);
          pending = [];
          return ids.length;
        },
      });
      retained.incidentRows({
        table: 'alerts',
        deleteOfIncidents: async (ids) => {
          order.push(`alerts ${ids.join(',')}`);
          return 3;
        },
      });
      return retained;
    };
    await new CleanupKind(registry(0), new MetricsService(), config).fire(em, timer(), now);
    expect(order).toEqual([]);
    await new CleanupKind(registry(365), new MetricsService(), config).fire(em, timer(), now);
    expect(order).toEqual(['alerts i1,i2', 'incidents i1,i2']);
  });
});
