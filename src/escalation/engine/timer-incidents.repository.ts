import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PolicySnapshot } from '../planner';
import type { TimerIncident } from './timer-kind';

/** The incident and service columns timer kinds read, as PostgreSQL returns them. */
interface TimerIncidentRow {
  id: string;
  number: string;
  status: TimerIncident['status'];
  level: number;
  loop: number;
  escalation_epoch: number;
  escalation_exhausted: boolean;
  level_reached_at: Date | null;
  policy_snapshot: PolicySnapshot | null;
  acknowledged_at: Date | null;
  last_alert_at: Date | null;
  escalation_policy_id: string | null;
  ack_timeout_minutes: number | null;
  auto_resolve_minutes: number | null;
  suppressed: boolean;
}

/**
 * The last alert's time is the later of the incident row's and its trigger
 * alert's (the row of its triggers without a group, `alert_key` ''): a
 * repeat of an open incident writes that alert alone (docs/architecture.md).
 */
const SELECT = `
  SELECT i.id, i.number, i.status, i.level, i.loop, i.escalation_epoch, i.escalation_exhausted, i.level_reached_at,
         i.policy_snapshot, i.acknowledged_at, i.suppressed,
         GREATEST(i.last_alert_at, (SELECT t.updated_at FROM alerts t WHERE t.incident_id = i.id AND t.alert_key = '')) AS last_alert_at,
         s.escalation_policy_id, s.ack_timeout_minutes, s.auto_resolve_minutes
    FROM incidents i JOIN services s ON s.id = i.service_id
   WHERE i.id = ANY($1::uuid[])`;

function toIncident(r: TimerIncidentRow): TimerIncident {
  return {
    id: r.id,
    number: Number(r.number),
    status: r.status,
    level: r.level,
    loop: r.loop,
    escalationEpoch: r.escalation_epoch,
    escalationExhausted: r.escalation_exhausted,
    levelReachedAt: r.level_reached_at,
    policySnapshot: r.policy_snapshot,
    acknowledgedAt: r.acknowledged_at,
    lastAlertAt: r.last_alert_at,
    escalationPolicyId: r.escalation_policy_id,
    ackTimeoutMinutes: r.ack_timeout_minutes,
    autoResolveMinutes: r.auto_resolve_minutes,
    suppressed: r.suppressed,
  };
}

/** The incidents of due timers, by id, as the claimer hands them to timer kinds. */
@Injectable()
export class TimerIncidentsRepository {
  /** Without a lock: enough to find no-op timers, whose verdict never changes once true. */
  async read(em: EntityManager, ids: string[]): Promise<Map<string, TimerIncident>> {
    const rows: TimerIncidentRow[] = await em.query(SELECT, [ids]);
    return new Map(rows.map((r) => [r.id, toIncident(r)]));
  }

  /**
   * FOR UPDATE, in id order (the one lock order of incidents, so batches
   * never deadlock). The trigger alerts' times are read again once the locks
   * are held: a statement that waited for a lock reads other rows as of its
   * start, and a repeat committed meanwhile (it held the incident's lock)
   * would be missed.
   */
  async lock(em: EntityManager, ids: string[]): Promise<Map<string, TimerIncident>> {
    const rows: TimerIncidentRow[] = await em.query(`${SELECT} ORDER BY i.id FOR UPDATE OF i`, [ids]);
    const triggers: { id: string; at: Date }[] = await em.query(
      `SELECT t.incident_id AS id, t.updated_at AS at FROM alerts t WHERE t.incident_id = ANY($1::uuid[]) AND t.alert_key = ''`,
      [ids],
    );
    const lastTrigger = new Map(triggers.map((t) => [t.id, t.at]));
    return new Map(
      rows.map((r) => {
        const at = lastTrigger.get(r.id);
        return [r.id, toIncident(at && (!r.last_alert_at || at > r.last_alert_at) ? { ...r, last_alert_at: at } : r)];
      }),
    );
  }
}
