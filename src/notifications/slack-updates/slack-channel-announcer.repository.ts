import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** New incidents announced per call; the worker calls again while there are more. */
const ANNOUNCE_BATCH = 200;

/**
 * A new incident on a service with a Slack channel is posted to that channel.
 * Slack finds new incidents itself: a worker pass claims incidents not yet
 * announced (`slack_announced_at IS NULL`, SKIP LOCKED) and, in the same
 * statement, queues an outbox row for the service's channel (user_id null,
 * idempotency key `slack-channel:<incident>`), which the dispatcher sends like
 * any page. A suppressed incident (an event router's `suppress`) is only
 * stamped: it is listed, never posted. Ingest's commit NOTIFYs the workers, so
 * this runs at once; after a crash the next pass finds what was not announced.
 * A held maintenance incident (docs/maintenance.md) is posted only once
 * released, as of its release.
 */
@Injectable()
export class SlackChannelAnnouncerRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Returns how many incidents were claimed (announced, or stamped when the service has no channel). */
  async announceNew(now: Date, limit = ANNOUNCE_BATCH): Promise<number> {
    const [row]: { claimed: number }[] = await this.dataSource.query(
      `WITH claimed AS (
         UPDATE incidents i SET slack_announced_at = $1
          WHERE i.id IN (SELECT id FROM incidents
                          WHERE slack_announced_at IS NULL AND NOT (maintenance AND maintenance_released_at IS NULL)
                          ORDER BY created_at, id LIMIT $2 FOR UPDATE SKIP LOCKED)
         RETURNING i.id, i.service_id, COALESCE(i.maintenance_released_at, i.created_at) AS created_at, i.suppressed
       ), posts AS (
         INSERT INTO notifications (incident_id, idempotency_key, user_id, contact_method_id, rule_id, level, loop, epoch, channel, address, due_at)
         SELECT c.id, 'slack-channel:' || c.id, NULL, NULL, NULL, 0, 0, 0, 'slack', s.slack_channel_id, c.created_at
           FROM claimed c JOIN services s ON s.id = c.service_id
          WHERE s.slack_channel_id IS NOT NULL AND NOT c.suppressed
         ON CONFLICT (idempotency_key) DO NOTHING
       )
       SELECT count(*)::int AS claimed FROM claimed`,
      [now, limit],
    );
    return row.claimed;
  }
}
