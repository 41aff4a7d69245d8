import type { PageContent } from '../notification-channel';
import { isHttpUrl, omittedLabel, pagedFact, sourceLabel } from '../page-facts';
import { escapeChatMarkdown, oneLine, STATUS_LABEL, truncate } from '../chat-webhook/chat-markdown';

/** Bounds of the card, well under Teams' 28 KB message limit whatever the alert holds. */
export const TEAMS_TITLE_MAX_CHARS = 200;
export const TEAMS_MAX_DETAILS = 10;
export const TEAMS_DETAIL_KEY_MAX_CHARS = 60;
export const TEAMS_DETAIL_VALUE_MAX_CHARS = 500;
export const TEAMS_MAX_LINKS = 4;
const FACT_MAX_CHARS = 300;
const LINK_TITLE_MAX_CHARS = 40;

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
export const ADAPTIVE_CARD_VERSION = '1.4';

export interface AdaptiveTextBlock {
  type: 'TextBlock';
  text: string;
  wrap: true;
  weight?: 'Bolder';
  size?: 'Medium' | 'Small';
  color?: 'Attention' | 'Warning' | 'Good';
  isSubtle?: true;
}

export interface AdaptiveFactSet {
  type: 'FactSet';
  facts: { title: string; value: string }[];
}

export interface AdaptiveOpenUrl {
  type: 'Action.OpenUrl';
  title: string;
  url: string;
}

export interface AdaptiveCard {
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  type: 'AdaptiveCard';
  version: typeof ADAPTIVE_CARD_VERSION;
  body: (AdaptiveTextBlock | AdaptiveFactSet)[];
  actions?: AdaptiveOpenUrl[];
  msteams: { width: 'Full' };
}

/** What a Teams Workflows "When a Teams webhook request is received" trigger expects: a message with the card attached. */
export interface TeamsWorkflowMessage {
  type: 'message';
  attachments: { contentType: typeof ADAPTIVE_CARD_CONTENT_TYPE; contentUrl: null; content: AdaptiveCard }[];
}

const STATUS_COLOR = { triggered: 'Attention', acknowledged: 'Warning', resolved: 'Good' } as const;

/**
 * The Teams page: an Adaptive Card 1.4 with the incident's title, state and
 * severity, the service, source and who is paged, the alert's details, and
 * "Open incident" (the short link, whose page has Acknowledge and Resolve, or
 * the incident's URL) with the sender's links. Alert text is Markdown-escaped
 * and every part bounded. Pure: the same content gives the same card.
 */
export function renderTeamsMessage(content: PageContent): TeamsWorkflowMessage {
  return {
    type: 'message',
    attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, contentUrl: null, content: renderAdaptiveCard(content) }],
  };
}

export function renderAdaptiveCard(content: PageContent): AdaptiveCard {
  const text = (s: string, max: number) => escapeChatMarkdown(truncate(oneLine(s), max));
  const body: AdaptiveCard['body'] = [
    {
      type: 'TextBlock',
      text: text(`#${content.incidentNumber} ${content.title}`, TEAMS_TITLE_MAX_CHARS),
      wrap: true,
      weight: 'Bolder',
      size: 'Medium',
    },
    {
      type: 'TextBlock',
      text: text(`${STATUS_LABEL[content.status]} · ${content.severity} · ${content.serviceName}`, FACT_MAX_CHARS),
      wrap: true,
      color: STATUS_COLOR[content.status],
    },
    { type: 'FactSet', facts: summaryFacts(content).map(([title, value]) => ({ title: text(title, FACT_MAX_CHARS), value: text(value, FACT_MAX_CHARS) })) },
  ];
  const details = (content.details ?? []).slice(0, TEAMS_MAX_DETAILS);
  if (details.length > 0) {
    body.push({
      type: 'FactSet',
      facts: details.map(([key, value]) => ({ title: text(key, TEAMS_DETAIL_KEY_MAX_CHARS), value: text(value, TEAMS_DETAIL_VALUE_MAX_CHARS) })),
    });
  }
  const omittedCount = (content.detailsOmitted ?? 0) + Math.max(0, (content.details?.length ?? 0) - TEAMS_MAX_DETAILS);
  const omitted = omittedLabel({ detailsOmitted: omittedCount });
  const notes = [
    ...(omitted ? [omitted] : []),
    ...(content.moreIncidents ? [`+${content.moreIncidents} more incident${content.moreIncidents === 1 ? '' : 's'}`] : []),
    ...(content.maintenanceReleasedAt ? [`Opened during a maintenance window; held until ${content.maintenanceReleasedAt}`] : []),
  ];
  if (notes.length) body.push({ type: 'TextBlock', text: text(notes.join(' · '), FACT_MAX_CHARS), wrap: true, size: 'Small', isSubtle: true });
  const actions = cardActions(content);
  return {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: ADAPTIVE_CARD_VERSION,
    body,
    ...(actions.length ? { actions } : {}),
    msteams: { width: 'Full' },
  };
}

/** Severity, service, source and who is paged: the facts every room wants first. */
function summaryFacts(content: PageContent): [string, string][] {
  const source = sourceLabel(content);
  const paged = pagedFact(content);
  return [
    ['Status', STATUS_LABEL[content.status]],
    ['Severity', content.severity],
    ['Service', content.serviceName],
    ...(source ? [['Source', source] as [string, string]] : []),
    ...(paged ? [paged] : []),
  ];
}

/** "Open incident" first (the short link with Acknowledge and Resolve, else the incident URL), then the sender's links. */
function cardActions(content: PageContent): AdaptiveOpenUrl[] {
  const open = [content.shortLink, content.incidentUrl].find((u): u is string => !!u && isHttpUrl(u));
  const links = (content.links ?? []).filter((l) => isHttpUrl(l.href)).slice(0, TEAMS_MAX_LINKS);
  return [
    ...(open ? [{ type: 'Action.OpenUrl' as const, title: 'Open incident', url: open }] : []),
    ...links.map((l) => ({ type: 'Action.OpenUrl' as const, title: truncate(oneLine(l.text), LINK_TITLE_MAX_CHARS) || 'Link', url: l.href })),
  ];
}
