import type { PageContent } from './notification-channel';

/** "db-01 (Events v2)", "db-01", "Heartbeat": the source line long-form channels show; undefined when unknown. */
export function sourceLabel(content: Pick<PageContent, 'source' | 'integration'>): string | undefined {
  if (content.source && content.integration) return `${content.source} (${content.integration})`;
  return content.source ?? content.integration;
}

/**
 * ["Paging", "Alice, Bob"]: who is being paged at the current level ("Paged" once the
 * incident is acknowledged or resolved); undefined when nobody has been paged yet.
 */
export function pagedFact(content: Pick<PageContent, 'paged' | 'status'>): [string, string] | undefined {
  if (!content.paged?.length) return undefined;
  return [content.status === 'triggered' ? 'Paging' : 'Paged', content.paged.join(', ')];
}

/** "3 more fields not shown", for details cut by the page bounds. */
export function omittedLabel(content: Pick<PageContent, 'detailsOmitted'>): string | undefined {
  const n = content.detailsOmitted ?? 0;
  return n > 0 ? `${n} more field${n === 1 ? '' : 's'} not shown` : undefined;
}

export function isHttpUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/** Whitespace runs (newlines included) become one space: titles and labels stay on one line. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * At most `maxChars` UTF-16 units (so at most that many characters too),
 * ending with "..." when cut, the text before it trimmed; a cut never splits
 * a surrogate pair (an emoji at the edge is left out whole). The one cut of
 * every channel's text: SMS, Slack, Teams, Mattermost and alert facts.
 */
export function truncate(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  let end = Math.max(maxChars - ELLIPSIS.length, 1);
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end).trimEnd()}${ELLIPSIS}`;
}

const ELLIPSIS = '...';
