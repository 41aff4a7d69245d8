import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { groupBy } from '../../common/group-by';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { ChannelRegistry } from '../channel-registry';
import { ChannelError, type NotificationChannel, type PageContent } from '../channels/notification-channel';
import { parseSlackMessageRef } from '../channels/slack/slack-chat.channel';
import { actedByLabel, consoleIncidentUrl, IncidentInfo, toPageContent } from '../incident-page.content';
import { IncidentPagesRepository } from '../incident-pages.repository';
import type { NotificationState } from '../notification.entity';
import { NotificationsRepository } from '../notifications.repository';
import { SlackMessageUpdatesRepository } from './slack-message-updates.repository';

/** What the Slack channel offers besides sending; duck-typed so a test registry without it is fine. */
interface SlackMessageEditor extends NotificationChannel {
  updateIncidentMessage(channel: string, ts: string, content: PageContent, actedBy?: string): Promise<void>;
  postThreadReply(channel: string, threadTs: string, text: string): Promise<void>;
}

const MAX_ATTEMPTS = 10;
const CLAIM_MS = 60_000;
/** A Slack message still being posted is waited for, so the update is not applied before it exists. */
const WAIT_FOR_POST_MS = 5_000;

/**
 * Drains slack_message_updates: for each incident, rewrites every Slack message
 * Klaxon posted about it (chat.update) to show the current state and who acted.
 * Rows are claimed by pushing their due time forward (SKIP LOCKED), deleted once
 * done, and retried with backoff on retryable Slack errors.
 */
@Injectable()
export class SlackMessageUpdaterService {
  private readonly logger = new Logger(SlackMessageUpdaterService.name);

  constructor(
    private readonly updates: SlackMessageUpdatesRepository,
    private readonly notifications: NotificationsRepository,
    private readonly incidentPages: IncidentPagesRepository,
    private readonly channels: ChannelRegistry,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Processes the updates due now (rewrites, then note replies); returns how many rows it claimed. */
  async drainDue(limit = 20): Promise<number> {
    const now = this.clock.now();
    const claimed = await this.updates.claimDue(now, new Date(now.getTime() + CLAIM_MS), limit);
    if (!claimed.length) return 0;
    const slack = this.channels.get('slack');
    const rows = claimed.filter((r) => r.kind === 'rewrite');
    const replies = claimed.filter((r) => r.kind === 'note-reply');
    const byIncident = groupBy(rows, (r) => r.incidentId);
    // Every incident's messages and content in two queries, not two per incident.
    const incidentIds = [...byIncident.keys()];
    const [messagesOf, incidents] = isEditor(slack)
      ? await Promise.all([
          this.notifications.slackMessagesOf(incidentIds).then((m) => groupBy(m, (x) => x.incidentId)),
          this.incidentPages.load(incidentIds),
        ])
      : [new Map<string, SlackMessage[]>(), new Map<string, IncidentInfo>()];
    const done: string[] = [];
    for (const [incidentId, group] of byIncident) {
      const ids = group.map((r) => r.id);
      const attempts = Math.max(...group.map((r) => r.attempts));
      await this.attempt(ids, attempts, now, done, { incidentId }, 'Slack message update given up', () =>
        isEditor(slack) ? updateMessages(slack, messagesOf.get(incidentId) ?? [], incidents.get(incidentId), this.config.PUBLIC_URL) : Promise.resolve('done'),
      );
    }
    const threads = new Map(
      isEditor(slack) ? (await this.notifications.slackMessagesByIds(replies.map((r) => r.notificationId))).map((m) => [m.id, m]) : [],
    );
    for (const reply of replies) {
      await this.attempt([reply.id], reply.attempts, now, done, { incidentId: reply.incidentId }, 'Slack note reply given up', () =>
        isEditor(slack) ? postReply(slack, threads.get(reply.notificationId), reply.replyText) : Promise.resolve('done'),
      );
    }
    await this.updates.delete(done);
    return claimed.length;
  }

  /** Runs one Slack call for rows `ids`: done, waited for (the message is still being posted), or retried with backoff. */
  private async attempt(
    ids: string[],
    attempts: number,
    now: Date,
    done: string[],
    fields: Record<string, unknown>,
    givenUp: string,
    call: () => Promise<'done' | 'wait'>,
  ): Promise<void> {
    try {
      const outcome = await call();
      if (outcome === 'wait') await this.updates.reschedule(ids, new Date(now.getTime() + WAIT_FOR_POST_MS), null);
      else done.push(...ids);
    } catch (e) {
      const err = e instanceof ChannelError ? e : new ChannelError(String((e as Error)?.message ?? e), true);
      if (err.retryable && attempts < MAX_ATTEMPTS) {
        const delayMs = Math.min(600_000, 5_000 * 2 ** (attempts - 1));
        await this.updates.reschedule(ids, new Date(now.getTime() + delayMs), err.message);
      } else {
        this.logger.warn({ ...fields, error: err.message }, givenUp);
        done.push(...ids);
      }
    }
  }
}

/** A note's reply in one message's thread; 'wait' while that message is still being posted, done when it is gone. */
async function postReply(slack: SlackMessageEditor, message: SlackMessage | undefined, text: string): Promise<'done' | 'wait'> {
  if (!message) return 'done';
  if (message.state === 'sending') return 'wait';
  const ref = parseSlackMessageRef(message.providerMessageId);
  if (ref) await slack.postThreadReply(ref.channel, ref.ts, text);
  return 'done';
}

type SlackMessage = { state: NotificationState; providerMessageId: string | null };

/** Rewrites one incident's messages; 'wait' while one of them is still being posted. */
async function updateMessages(
  slack: SlackMessageEditor,
  messages: SlackMessage[],
  incident: IncidentInfo | undefined,
  publicUrl: string | undefined,
): Promise<'done' | 'wait'> {
  if (messages.some((m) => m.state === 'sending')) return 'wait';
  if (!incident) return 'done';
  const incidentUrl = consoleIncidentUrl(publicUrl, incident.number);
  const content = toPageContent(incident, incidentUrl ? { incidentUrl } : {});
  for (const m of messages) {
    const ref = parseSlackMessageRef(m.providerMessageId);
    if (ref) await slack.updateIncidentMessage(ref.channel, ref.ts, content, actedByLabel(incident));
  }
  return 'done';
}

function isEditor(channel: NotificationChannel): channel is SlackMessageEditor {
  const editor = channel as Partial<SlackMessageEditor>;
  return channel.isConfigured() && typeof editor.updateIncidentMessage === 'function' && typeof editor.postThreadReply === 'function';
}
