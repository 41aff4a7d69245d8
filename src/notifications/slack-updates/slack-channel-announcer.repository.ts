import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A new incident to post to its service's Slack channel. */
export interface ChannelPost {
  incidentId: string;
  serviceId: string;
  /** When the post is due: the incident's opening, or its release from maintenance. */
  dueAt: Date;
}

/** The outbox rows of new incidents' posts to their services' Slack channels. */
@Injectable()
export class SlackChannelAnnouncerRepository {
  /**
   * One outbox row per post whose service has a Slack channel (user_id null,
   * idempotency key `slack-channel:<incident>`, so a post is queued once),
   * in the caller's transaction, one statement for the batch.
   */
  async queueChannelPosts(em: EntityManager, posts: readonly ChannelPost[]): Promise<void> {
    if (!posts.length) return;
    const rows = posts.map((p) => ({ incident_id: p.incidentId, service_id: p.serviceId, due_at: p.dueAt }));
    await em.query(
      `INSERT INTO notifications (incident_id, idempotency_key, user_id, contact_method_id, rule_id, level, loop, epoch, channel, address, due_at)
       SELECT p.incident_id, 'slack-channel:' || p.incident_id, NULL, NULL, NULL, 0, 0, 0, 'slack', s.slack_channel_id, p.due_at
         FROM json_to_recordset($1::json) AS p(incident_id uuid, service_id uuid, due_at timestamptz)
         JOIN services s ON s.id = p.service_id
        WHERE s.slack_channel_id IS NOT NULL
       ON CONFLICT (idempotency_key) DO NOTHING`,
      [JSON.stringify(rows)],
    );
  }
}
