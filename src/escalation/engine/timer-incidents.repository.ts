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

const SELECT = `
  SELECT i.id, i.number, i.status, i.level, i.loop, i.escalation_epoch, i.escalation_exhausted, i.level_reached_at,
         i.policy_snapshot, i.acknowledged_at, i.last_alert_at, i.suppressed,
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

  /** FOR UPDATE, in id order (the one lock order of incidents, so batches never deadlock). */
  async lock(em: EntityManager, ids: string[]): Promise<Map<string, TimerIncident>> {
    const rows: TimerIncidentRow[] = await em.query(`${SELECT} ORDER BY i.id FOR UPDATE OF i`, [ids]);
    return new Map(rows.map((r) => [r.id, toIncident(r)]));
  }
}
