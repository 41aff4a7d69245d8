import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { EventRouterHit } from './event-router-hit.entity';

/** Counts to add to one rule of one router version. */
export interface HitDelta {
  routerId: string;
  version: number;
  /** The rule's index as text, or `fallback`. */
  rule: string;
  count: number;
  lastMatchedAt: Date;
}

/** The `event_router_hits` table: additive flushes of counts kept in memory, and reads. */
@Injectable()
export class RouterHitsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Adds the deltas in one statement: `count = count + delta`, the later last
   * match wins, so instances flushing at the same time add up. Deltas of a
   * version the router has left (its rules changed meanwhile), or of a deleted
   * router, are dropped by the join.
   */
  async add(input: readonly HitDelta[]): Promise<void> {
    const deltas = mergeDeltas(input);
    if (!deltas.length) return;
    await this.dataSource.query(
      `INSERT INTO event_router_hits AS h (router_id, version, rule, count, last_matched_at)
       SELECT d.router_id, d.version, d.rule, d.count, d.last_matched_at
         FROM json_to_recordset($1::json) AS d(router_id uuid, version int, rule text, count bigint, last_matched_at timestamptz)
         JOIN event_routers r ON r.id = d.router_id AND r.version = d.version
        ORDER BY d.router_id, d.version, d.rule
       ON CONFLICT (router_id, version, rule) DO UPDATE
         SET count = h.count + EXCLUDED.count, last_matched_at = GREATEST(h.last_matched_at, EXCLUDED.last_matched_at)`,
      [
        JSON.stringify(
          deltas.map((d) => ({
            router_id: d.routerId,
            version: d.version,
            rule: d.rule,
            count: d.count,
            last_matched_at: d.lastMatchedAt.toISOString(),
          })),
        ),
      ],
    );
  }

  /** The counts of a router's current version. */
  forVersion(routerId: string, version: number): Promise<EventRouterHit[]> {
    return this.dataSource.getRepository(EventRouterHit).find({ where: { routerId, version } });
  }

  /** Forgets the counts of the versions before `version` (their rule indexes no longer mean the same rules). */
  async dropOlderThan(em: EntityManager, routerId: string, version: number): Promise<void> {
    await em
      .getRepository(EventRouterHit)
      .createQueryBuilder()
      .delete()
      .where('router_id = :routerId AND version < :version', { routerId, version })
      .execute();
  }
}

/** One delta per (router, version, rule): an upsert may not touch one row twice in a statement. */
export function mergeDeltas(deltas: readonly HitDelta[]): HitDelta[] {
  const byRow = new Map<string, HitDelta>();
  for (const d of deltas) {
    const key = `${d.routerId}\n${d.version}\n${d.rule}`;
    const known = byRow.get(key);
    if (!known) byRow.set(key, { ...d });
    else {
      known.count += d.count;
      if (d.lastMatchedAt > known.lastMatchedAt) known.lastMatchedAt = d.lastMatchedAt;
    }
  }
  return [...byRow.values()];
}
