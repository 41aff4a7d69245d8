import type { ActionsBlock, Button, KnownBlock } from '@slack/types';
import type { PageContent } from '../notification-channel';
import { isHttpUrl, oneLine, omittedLabel, pagedFact, sourceLabel, truncate } from '../page-facts';

/** action_id values the Slack interaction handler routes on; each button's value is the incident id. */
export const SLACK_ACTION_IDS = {
  acknowledge: 'incident_ack',
  resolve: 'incident_resolve',
  escalate: 'incident_escalate',
} as const;

/** Who acted: a display name (shown as text) or a Slack user id (shown as a mention). */
export type SlackActor = string | { slackUserId: string };

const HEADER_MAX_CHARS = 150;
const SECTION_MAX_CHARS = 3000;
const FIELD_MAX_CHARS = 2000;

const STATUS_EMOJI: Record<PageContent['status'], string> = {
  triggered: ':rotating_light:',
  acknowledged: ':eyes:',
  resolved: ':white_check_mark:',
};

/**
 * Block Kit for an incident message. Buttons follow the state: all three while
 * triggered, Resolve and Escalate once acknowledged, none once resolved. The same
 * renderer serves the first post and every `chat.update`, so the message always shows
 * the current state.
 */
export function renderIncidentBlocks(content: PageContent, actedBy?: SlackActor): KnownBlock[] {
  const blocks: KnownBlock[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: truncate(`#${content.incidentNumber} ${oneLine(content.title)}`, HEADER_MAX_CHARS), emoji: false },
    },
    {
      type: 'section',
      fields: factFields(content),
    },
  ];

  const details = content.details ?? [];
  if (details.length > 0) {
    const omitted = omittedLabel(content);
    const lines = details.map(([key, value]) => `*${escapeMrkdwn(key)}:* ${escapeMrkdwn(value)}`);
    const text = [...lines, ...(omitted ? [`_${omitted}_`] : [])].join('\n');
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: truncate(text, SECTION_MAX_CHARS) } });
  }
  const links = (content.links ?? []).filter((l) => isHttpUrl(l.href));
  if (links.length > 0) {
    const text = links.map((l) => `<${escapeLinkUrl(l.href)}|${escapeMrkdwn(l.text)}>`).join('  ·  ');
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: truncate(`*Links*  ${text}`, SECTION_MAX_CHARS) } });
  }

  const context: string[] = [];
  if (content.maintenanceReleasedAt) {
    context.push(`:construction: Opened during a maintenance window; held until it ended at ${utcMinute(content.maintenanceReleasedAt)} UTC`);
  }
  if (content.moreIncidents && content.moreIncidents > 0) {
    context.push(`+${content.moreIncidents} more incident${content.moreIncidents === 1 ? '' : 's'}`);
  }
  if (content.incidentUrl && isHttpUrl(content.incidentUrl)) {
    context.push(`<${escapeLinkUrl(content.incidentUrl)}|View incident>`);
  }
  if (actedBy !== undefined && content.status !== 'triggered') {
    context.push(`${content.status === 'resolved' ? 'Resolved' : 'Acknowledged'} by ${renderActor(actedBy)}`);
  }
  if (context.length > 0) {
    blocks.push({ type: 'context', elements: context.map((text) => ({ type: 'mrkdwn', text })) });
  }

  const actions = actionButtons(content);
  if (actions) blocks.push(actions);
  return blocks;
}

/** Notification and fallback text (push notifications, screen readers, clients without blocks). */
export function renderIncidentText(content: PageContent, actedBy?: SlackActor): string {
  const by = actedBy !== undefined && content.status !== 'triggered' ? ` by ${renderActor(actedBy)}` : '';
  return `#${content.incidentNumber} ${content.status.toUpperCase()}${by} [${escapeMrkdwn(content.severity)}] ${escapeMrkdwn(content.serviceName)}: ${escapeMrkdwn(oneLine(content.title))}`;
}

/** "2026-12-01 23:00" from an ISO instant. */
function utcMinute(iso: string): string {
  return iso.slice(0, 16).replace('T', ' ');
}

/** Slack's three control characters; everything else in user text is shown as is. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Status, severity and service; the source and who is paged when known (Slack allows 10 fields of 2000 characters). */
function factFields(content: PageContent): Array<{ type: 'mrkdwn'; text: string }> {
  const source = sourceLabel(content);
  const paged = pagedFact(content);
  const field = (label: string, value: string) => ({ type: 'mrkdwn' as const, text: truncate(`*${label}*\n${value}`, FIELD_MAX_CHARS) });
  return [
    field('Status', `${STATUS_EMOJI[content.status]} ${content.status.toUpperCase()}`),
    field('Severity', escapeMrkdwn(content.severity)),
    field('Service', escapeMrkdwn(content.serviceName)),
    ...(source ? [field('Source', escapeMrkdwn(source))] : []),
    ...(paged ? [field(paged[0], escapeMrkdwn(paged[1]))] : []),
  ];
}

function actionButtons(content: PageContent): ActionsBlock | undefined {
  if (content.status === 'resolved') return undefined;
  const button = (actionId: string, label: string, style?: 'primary' | 'danger'): Button => ({
    type: 'button',
    action_id: actionId,
    text: { type: 'plain_text', text: label },
    value: content.incidentId,
    ...(style ? { style } : {}),
  });
  const elements: Button[] = [];
  if (content.status === 'triggered') elements.push(button(SLACK_ACTION_IDS.acknowledge, 'Acknowledge', 'primary'));
  elements.push(button(SLACK_ACTION_IDS.resolve, 'Resolve'), button(SLACK_ACTION_IDS.escalate, 'Escalate', 'danger'));
  return { type: 'actions', block_id: `incident_actions:${content.incidentId}`, elements };
}

function renderActor(actor: SlackActor): string {
  return typeof actor === 'string' ? escapeMrkdwn(actor) : `<@${actor.slackUserId.replace(/[^A-Za-z0-9]/g, '')}>`;
}

function escapeLinkUrl(url: string): string {
  return url.replace(/[<>|]/g, encodeURIComponent);
}

