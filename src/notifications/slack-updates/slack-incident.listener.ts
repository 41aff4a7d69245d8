import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import type { IncidentChange, IncidentLifecycleEvent } from '../../incidents/incident-lifecycle';
import { IncidentsService } from '../../incidents/incidents.service';
import { OutboxService } from '../outbox.service';
import { SlackMessageUpdatesRepository } from './slack-message-updates.repository';

const STATE_CHANGES = new Set<IncidentLifecycleEvent['type']>(['acknowledged', 'resolved', 'unacknowledged']);

/**
 * Slack's share of incident state changes, inside the transaction that changed
 * the incident (so it commits with the change or not at all): a change, from
 * any channel, queues a slack_message_updates row if the incident has Slack
 * messages, and the dispatcher rewrites them with chat.update. (A new
 * incident's post to its service's channel is queued by
 * SlackChannelAnnouncer, which hears the incidents module's claim of new
 * incidents.)
 */
@Injectable()
export class SlackIncidentListener implements OnModuleInit {
  constructor(
    private readonly incidents: IncidentsService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly slackUpdates: SlackMessageUpdatesRepository,
  ) {}

  onModuleInit(): void {
    this.incidents.registerListener({ onIncidentEvents: (em, changes) => this.onIncidentEvents(em, changes) });
  }

  /** One rewrite per changed incident of the batch that has Slack messages; one reply per note and thread. */
  async onIncidentEvents(em: EntityManager, changes: readonly IncidentChange[]): Promise<void> {
    const now = this.clock.now();
    const changed = [...new Set(changes.filter((c) => STATE_CHANGES.has(c.event.type)).map((c) => c.incident.id))];
    const notes = changes.flatMap((c) =>
      c.event.type === 'note-added' && c.event.note ? [{ incidentId: c.incident.id, text: noteReplyText(c.event.actor.name, c.event.note) }] : [],
    );
    const rewrites = await this.slackUpdates.queueIfMessaged(em, changed, now);
    const replies = await this.slackUpdates.queueNoteReplies(em, notes, now);
    if (rewrites || replies) await this.outbox.wakeWorkers(em, 'outbox');
  }
}

/** The thread reply of a note: who wrote it, then the note as they wrote it (Slack markup escaped). */
export function noteReplyText(author: string | null | undefined, note: string): string {
  return `:memo: *Note from ${escapeSlack(author ?? 'someone')}:*\n${escapeSlack(note)}`;
}

/** Slack's three control characters; anything else shows as typed. */
function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
