import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { json } from './json-text';

/** An incident's escalation state after a step, as the engine decided it. */
export interface EscalationStateWrite {
  incidentId: string;
  level: number;
  loop: number;
  epoch: number;
  exhausted: boolean;
  levelReachedAt: Date | null;
  /** Set by the step that starts escalation: the incident keeps its policy as it was then. Null keeps the one it has. */
  policySnapshot: object | null;
}

/**
 * The escalation columns of `incidents` (level, loop, epoch, exhausted,
 * level reached, policy snapshot), written for the engine in its step's
 * transaction: the engine decides, the incidents module writes its rows.
 */
@Injectable()
export class IncidentEscalationRepository {
  /** Every incident's new state in one UPDATE. */
  async writeStates(em: EntityManager, states: readonly EscalationStateWrite[]): Promise<void> {
    if (!states.length) return;
    const rows = states.map((s) => ({
      incident_id: s.incidentId,
      level: s.level,
      loop: s.loop,
      epoch: s.epoch,
      exhausted: s.exhausted,
      level_reached_at: s.levelReachedAt,
      policy_snapshot: s.policySnapshot,
    }));
    // `id = ANY (ARRAY(...))`: json_to_recordset is estimated at 100 rows, and a plain join made the
    // planner scan all of `incidents` once it held a few thousand rows (incident-statements.ts).
    await em.query(
      `WITH s AS (
         SELECT * FROM json_to_recordset($1::json) AS x(incident_id uuid, level int, loop int, epoch int, exhausted boolean,
                                                        level_reached_at timestamptz, policy_snapshot jsonb)
       )
       UPDATE incidents i SET level = s.level, loop = s.loop, escalation_epoch = s.epoch, escalation_exhausted = s.exhausted,
              level_reached_at = s.level_reached_at, policy_snapshot = COALESCE(s.policy_snapshot, i.policy_snapshot)
         FROM s WHERE i.id = s.incident_id AND i.id = ANY (ARRAY(SELECT incident_id FROM s))`,
      [json(rows)],
    );
  }
}
