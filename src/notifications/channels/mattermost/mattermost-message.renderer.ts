import type { PageContent } from '../notification-channel';
import { isHttpUrl, omittedLabel, pagedFact, sourceLabel } from '../page-facts';
import { escapeChatMarkdown, oneLine, STATUS_LABEL, truncate } from '../chat-webhook/chat-markdown';

export const MATTERMOST_TITLE_MAX_CHARS = 200;
export const MATTERMOST_MAX_DETAILS = 10;
export const MATTERMOST_DETAIL_KEY_MAX_CHARS = 60;
export const MATTERMOST_DETAIL_VALUE_MAX_CHARS = 500;
export const MATTERMOST_MAX_LINKS = 4;
const FIELD_MAX_CHARS = 300;

export interface MattermostField {
  title: string;
  value: string;
  short: boolean;
}

/** Mattermost's Slack-compatible message attachment (the fields Klaxon uses). */
export interface MattermostAttachment {
  fallback: string;
  color: string;
  pretext?: string;
  title: string;
  title_link?: string;
  text?: string;
  fields: MattermostField[];
  footer: string;
}

export interface MattermostMessage {
  username: 'Klaxon';
  text: string;
  attachments: MattermostAttachment[];
}

const STATUS_COLOR = { triggered: '#D0021B', acknowledged: '#F5A623', resolved: '#2EB67D' } as const;

/**
 * The Mattermost page: one Slack-compatible attachment colored by state, its
 * title linking to the incident (the short link, whose page has Acknowledge
 * and Resolve, or the incident URL), short fields for status, severity,
 * service, source and who is paged, the alert's details as long fields, and
 * the sender's links. Alert text is Markdown-escaped and every part bounded.
 * Pure: the same content gives the same message.
 */
export function renderMattermostMessage(content: PageContent): MattermostMessage {
  const text = (s: string, max: number) => escapeChatMarkdown(truncate(oneLine(s), max));
  const title = text(`#${content.incidentNumber} ${content.title}`, MATTERMOST_TITLE_MAX_CHARS);
  const headline = `${STATUS_LABEL[content.status]}: ${title}`;
  const open = [content.shortLink, content.incidentUrl].find((u): u is string => !!u && isHttpUrl(u));
  const source = sourceLabel(content);
  const paged = pagedFact(content);
  const short = (label: string, value: string): MattermostField => ({ title: label, value: text(value, FIELD_MAX_CHARS), short: true });
  const details = (content.details ?? []).slice(0, MATTERMOST_MAX_DETAILS);
  const fields: MattermostField[] = [
    short('Status', STATUS_LABEL[content.status]),
    short('Severity', content.severity),
    short('Service', content.serviceName),
    ...(source ? [short('Source', source)] : []),
    ...(paged ? [short(paged[0], paged[1])] : []),
    ...details.map(([key, value]) => ({
      title: text(key, MATTERMOST_DETAIL_KEY_MAX_CHARS),
      value: text(value, MATTERMOST_DETAIL_VALUE_MAX_CHARS),
      short: false,
    })),
  ];
  const omittedCount = (content.detailsOmitted ?? 0) + Math.max(0, (content.details?.length ?? 0) - MATTERMOST_MAX_DETAILS);
  const omitted = omittedLabel({ detailsOmitted: omittedCount });
  const links = (content.links ?? []).filter((l) => isHttpUrl(l.href)).slice(0, MATTERMOST_MAX_LINKS);
  const lines = [
    ...(links.length ? [links.map((l) => `[${text(l.text, 80) || 'Link'}](${linkUrl(l.href)})`).join(' · ')] : []),
    ...(omitted ? [`_${omitted}_`] : []),
    ...(content.moreIncidents ? [`+${content.moreIncidents} more incident${content.moreIncidents === 1 ? '' : 's'}`] : []),
    ...(content.maintenanceReleasedAt ? [`Opened during a maintenance window; held until ${content.maintenanceReleasedAt}`] : []),
  ];
  const fallback = truncate(`${STATUS_LABEL[content.status]}: #${content.incidentNumber} ${oneLine(content.title)} [${oneLine(content.severity)}] ${oneLine(content.serviceName)}`, 400);
  return {
    username: 'Klaxon',
    text: headline,
    attachments: [
      {
        fallback,
        color: STATUS_COLOR[content.status],
        title,
        ...(open ? { title_link: open } : {}),
        ...(lines.length ? { text: lines.join('\n') } : {}),
        fields,
        footer: open ? 'Klaxon · open the incident to acknowledge or resolve it' : 'Klaxon',
      },
    ],
  };
}

/** A link target inside Markdown `( )`: spaces and parentheses percent-encoded so the link cannot end early. */
function linkUrl(url: string): string {
  return url.replace(/[\s()<>]/g, (c) => encodeURIComponent(c));
}
