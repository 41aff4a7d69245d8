import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ActionChannelName, ActorType } from './incident-timeline-entry.entity';
import { json } from './json-text';

/** One timeline entry to append, fully resolved (its actor and time). */
export interface NewTimelineEntry {
  incidentId: string;
  at: Date;
  type: string;
  message: string;
  actorType: ActorType;
  actorId: string | null;
  actorName: string | null;
  channel: ActionChannelName;
  data: Record<string, unknown> | null;
}

/**
 * Appends entries to `incident_timeline` for other modules (the dispatcher's
 * page outcomes, the rate limiter's deferrals and bundles), in the caller's
 * transaction. The incidents' own writes add theirs in their batch statement.
 */
@Injectable()
export class IncidentTimelineRepository {
  /** Every entry, of one incident or several, in one INSERT, in the order given (`seq`). */
  async append(em: EntityManager, entries: readonly NewTimelineEntry[]): Promise<void> {
    if (!entries.length) return;
    await em.query(
      `INSERT INTO incident_timeline (incident_id, at, type, message, actor_type, actor_id, actor_name, channel, data)
       SELECT e.incident_id, e.at, e.type, e.message, e.actor_type, e.actor_id, e.actor_name, e.channel, e.data
         FROM json_to_recordset($1::json) AS e(n int, incident_id uuid, at timestamptz, type text, message text, actor_type text,
              actor_id text, actor_name text, channel text, data jsonb)
        ORDER BY e.n`,
      [
        json(
          entries.map((e, n) => ({
            n,
            incident_id: e.incidentId,
            at: e.at,
            type: e.type,
            message: e.message,
            actor_type: e.actorType,
            actor_id: e.actorId,
            actor_name: e.actorName,
            channel: e.channel,
            data: e.data,
          })),
        ),
      ],
    );
  }
}
