import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EscalationPolicyDefinition, PlannedNotification, PlannedWebhookPage, PolicySnapshot } from '../planner';

/** What one escalation step writes besides timers (the claimer inserts the next step's timer). */
export interface PlanWrite {
  incidentId: string;
  /** Null: the incident's escalation state does not change (no policy to page with). */
  state: { level: number; loop: number; epoch: number; exhausted: boolean; levelReachedAt: Date | null } | null;
  /** Set on the step that starts escalation: the incident keeps the policy as it is now. */
  policySnapshot: PolicySnapshot | null;
  timeline: {
    type: string;
    message: string;
    at: Date;
    data: unknown;
    actor: { type: string; name?: string; channel: string };
  }[];
  notifications: readonly PlannedNotification[];
  /** Webhook targets paged: queued as webhook events by the step (escalation-webhook-events.ts), not written here. */
  webhookPages: readonly PlannedWebhookPage[];
}

/**
 * The escalation step's reads and writes outside the timers table: the live
 * policies it snapshots, and each step's plan (incident escalation state,
 * timeline, outbox rows) written for any number of incidents in one statement.
 */
@Injectable()
export class EscalationPlansRepository {
  async loadPolicies(em: EntityManager, ids: string[]): Promise<EscalationPolicyDefinition[]> {
    if (!ids.length) return [];
    const rows: EscalationPolicyDefinition[] = await em.query(
      'SELECT id, name, repeat, levels FROM escalation_policies WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return rows;
  }

  /**
   * Each incident's new escalation state (and, on start, its policy
   * snapshot), the timeline entries, and the pages (an idempotency key
   * already there is skipped), in one statement.
   */
  async write(em: EntityManager, plans: PlanWrite[]): Promise<void> {
    if (!plans.length) return;
    const states = plans.flatMap((p) =>
      p.state
        ? [
            {
              incident_id: p.incidentId,
              level: p.state.level,
              loop: p.state.loop,
              epoch: p.state.epoch,
              exhausted: p.state.exhausted,
              level_reached_at: p.state.levelReachedAt,
              policy_snapshot: p.policySnapshot,
            },
          ]
        : [],
    );
    let n = 0;
    const timeline = plans.flatMap((p) =>
      p.timeline.map((e) => ({
        n: n++,
        incident_id: p.incidentId,
        at: e.at,
        type: e.type,
        message: e.message,
        data: e.data,
        actor_type: e.actor.type,
        actor_name: e.actor.name ?? null,
        channel: e.actor.channel,
      })),
    );
    const pages = plans.flatMap((p) =>
      p.notifications.map((x) => ({
        incident_id: p.incidentId,
        key: x.idempotencyKey,
        user_id: x.userId,
        contact_method_id: x.contactMethodId,
        rule_id: x.ruleId,
        level: x.level,
        loop: x.loop,
        epoch: x.epoch,
        channel: x.contactMethodType,
        address: x.address,
        due_at: x.dueAt,
      })),
    );
    // `id = ANY (ARRAY(...))`: json_to_recordset is estimated at 100 rows, and a plain join made the
    // planner scan all of `incidents` once it held a few thousand rows (incident-statements.ts).
    await em.query(
      `WITH s AS (
         SELECT * FROM json_to_recordset($1::json) AS x(incident_id uuid, level int, loop int, epoch int, exhausted boolean,
                                                        level_reached_at timestamptz, policy_snapshot jsonb)
       ), state AS (
         UPDATE incidents i SET level = s.level, loop = s.loop, escalation_epoch = s.epoch, escalation_exhausted = s.exhausted,
                level_reached_at = s.level_reached_at, policy_snapshot = COALESCE(s.policy_snapshot, i.policy_snapshot)
           FROM s WHERE i.id = s.incident_id AND i.id = ANY (ARRAY(SELECT incident_id FROM s))
       ), timeline AS (
         INSERT INTO incident_timeline (incident_id, at, type, message, actor_type, actor_id, actor_name, channel, data)
         SELECT e.incident_id, e.at, e.type, e.message, e.actor_type, NULL, e.actor_name, e.channel, e.data
           FROM json_to_recordset($2::json) AS e(n int, incident_id uuid, at timestamptz, type text, message text, data jsonb,
                                                 actor_type text, actor_name text, channel text)
          ORDER BY e.n
       )
       INSERT INTO notifications (incident_id, idempotency_key, user_id, contact_method_id, rule_id, level, loop, epoch, channel, address, due_at)
       SELECT p.incident_id, p.key, p.user_id, p.contact_method_id, p.rule_id, p.level, p.loop, p.epoch, p.channel, p.address, p.due_at
         FROM json_to_recordset($3::json) AS p(incident_id uuid, key text, user_id uuid, contact_method_id uuid, rule_id uuid, level int,
                                               loop int, epoch int, channel text, address text, due_at timestamptz)
       ON CONFLICT (idempotency_key) DO NOTHING`,
      [JSON.stringify(states), JSON.stringify(timeline), JSON.stringify(pages)],
    );
  }
}
