import type { PageContent } from '../notification-channel';

/** One SMS segment in the GSM-7 alphabet; longer texts are sent (and billed) as several. */
export const SMS_SEGMENT_CHARS = 160;

const MAX_SERVICE_CHARS = 24;
const ELLIPSIS = '...';

/**
 * The page as one SMS, e.g.
 * `Klaxon #42 CRITICAL billing: CPU above 90%. Reply "ack 42" or "resolve 42"`.
 * The title is cut (with "...") so the whole text fits one segment; the number, the
 * bundling note and the reply instructions are never cut, because the inbound handler
 * needs them. A triggered page names the severity; other states name the state.
 * ASCII "..." rather than "…", which would switch the SMS to UCS-2 and 70 characters.
 */
export function renderSmsText(content: PageContent): string {
  const n = content.incidentNumber;
  const label = content.status === 'triggered' ? content.severity.toUpperCase() : content.status.toUpperCase();
  const service = truncate(oneLine(content.serviceName), MAX_SERVICE_CHARS);
  const head = `Klaxon #${n} ${label} ${service}: `;

  const extra = content.moreIncidents ?? 0;
  const more = extra > 0 ? ` +${extra} more incident${extra === 1 ? '' : 's'}.` : '';
  const reply = replyHint(content);
  const tail = `${more ? more : '.'}${reply ? ` ${reply}` : ''}`;

  const title = oneLine(content.title).replace(/[.\s]+$/, '');
  const room = SMS_SEGMENT_CHARS - head.length - tail.length;
  return `${head}${truncate(title, Math.max(room, 12))}${tail}`;
}

function replyHint(content: PageContent): string {
  const n = content.incidentNumber;
  switch (content.status) {
    case 'triggered':
      return `Reply "ack ${n}" or "resolve ${n}"`;
    case 'acknowledged':
      return `Reply "resolve ${n}"`;
    case 'resolved':
      return '';
  }
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function truncate(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  return text.slice(0, Math.max(maxChars - ELLIPSIS.length, 1)).trimEnd() + ELLIPSIS;
}
