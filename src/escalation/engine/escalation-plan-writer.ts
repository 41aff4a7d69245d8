import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { IncidentEscalationRepository } from '../../incidents/incident-escalation.repository';
import { IncidentTimelineRepository, NewTimelineEntry } from '../../incidents/incident-timeline.repository';
import { PageOutboxRepository } from '../../notifications/page-outbox.repository';
import type { PlannedNotification, PlannedWebhookPage, PolicySnapshot } from '../planner';

/** What one escalation step writes besides timers (the claimer inserts the next step's timer). */
export interface PlanWrite {
  incidentId: string;
  /** Null: the incident's escalation state does not change (no policy to page with). */
  state: { level: number; loop: number; epoch: number; exhausted: boolean; levelReachedAt: Date | null } | null;
  /** Set on the step that starts escalation: the incident keeps the policy as it is now. */
  policySnapshot: PolicySnapshot | null;
  /** Its timeline entries, written as they are (the writer adds the incident). */
  timeline: Omit<NewTimelineEntry, 'incidentId'>[];
  notifications: readonly PlannedNotification[];
  /** Webhook targets paged: queued as webhook events by the step (escalation-webhook-events.ts), not written here. */
  webhookPages: readonly PlannedWebhookPage[];
}

/**
 * Writes the plans of a batch of escalation steps, each table through its
 * owner, in the step's transaction: the incidents' new escalation state and
 * their timeline entries (incidents), then the pages (the notifications
 * outbox; a page whose idempotency key is queued already is skipped). Three
 * statements for the whole batch, whatever its size.
 */
@Injectable()
export class EscalationPlanWriter {
  constructor(
    private readonly incidents: IncidentEscalationRepository,
    private readonly timeline: IncidentTimelineRepository,
    private readonly outbox: PageOutboxRepository,
  ) {}

  async write(em: EntityManager, plans: readonly PlanWrite[]): Promise<void> {
    if (!plans.length) return;
    await this.incidents.writeStates(
      em,
      plans.flatMap((p) => (p.state ? [{ incidentId: p.incidentId, ...p.state, policySnapshot: p.policySnapshot }] : [])),
    );
    await this.timeline.append(
      em,
      plans.flatMap((p) => p.timeline.map((e) => ({ ...e, incidentId: p.incidentId }))),
    );
    await this.outbox.queue(
      em,
      plans.flatMap((p) =>
        p.notifications.map((x) => ({
          incidentId: p.incidentId,
          idempotencyKey: x.idempotencyKey,
          userId: x.userId,
          contactMethodId: x.contactMethodId,
          ruleId: x.ruleId,
          level: x.level,
          loop: x.loop,
          epoch: x.epoch,
          channel: x.contactMethodType,
          address: x.address,
          dueAt: x.dueAt,
        })),
      ),
    );
  }
}
