import type { PageContent } from '../notification-channel';
import { smsSize, toGsmLookAlikes } from './sms-encoding';
import { truncate } from '../page-facts';

/** One SMS segment in the GSM-7 alphabet; longer texts are sent (and billed) as several. */
export const SMS_SEGMENT_CHARS = 160;

const MAX_SERVICE_CHARS = 24;
const MIN_SERVICE_CHARS = 12;
const MIN_TITLE_CHARS = 12;
const MIN_SOURCE_CHARS = 12;

/**
 * The page as one SMS, e.g.
 * `Klaxon #42 CRITICAL billing: CPU above 90%. Src: db-01. Reply "ack 42" or "resolve 42" https://klaxon.example.com/i/Zm9v…`.
 *
 * The number, the bundling note, the `ack <n>` instruction and the short link are
 * never cut (the inbound handler needs the number, the link is the way to the
 * incident). To fit one segment (160 GSM-7 characters, or 70 once a character outside
 * GSM-7 makes it UCS-2), the title is cut first (with "...", down to 12 characters),
 * then the source (down to 12), then the service name (from 24 down to 12), then
 * "or resolve <n>" is left out when the link is there. When even that does not fit
 * one segment (a long PUBLIC_URL, a title in another script), nothing but the title
 * and the source is cut: the text takes the fewest segments the other parts allow
 * and keeps as much of the title as fits in them.
 *
 * A triggered page names the severity; other states name the state. Typographic
 * quotes, dashes and the ellipsis in user text become their GSM-7 look-alikes, so
 * they do not switch the SMS to UCS-2.
 */
export function renderSmsText(content: PageContent): string {
  const n = content.incidentNumber;
  const label = content.status === 'triggered' ? content.severity.toUpperCase() : content.status.toUpperCase();
  const extra = content.moreIncidents ?? 0;
  const more = extra > 0 ? ` +${extra} more incident${extra === 1 ? '' : 's'}.` : '.';
  const link = content.shortLink ? ` ${content.shortLink}` : '';
  const title = plain(content.title).replace(/[.\s]+$/, '');
  const source = plain(content.source ?? content.integration ?? '').replace(/[.\s]+$/, '');
  const service = plain(content.serviceName);

  const compose = (f: FixedParts, t: string, src: string) =>
    `Klaxon #${n} ${label} ${f.service}: ${t}${more}${src ? ` Src: ${src}.` : ''}${f.reply ? ` ${f.reply}` : ''}${link}`;
  const shortest = (f: FixedParts) => compose(f, truncate(title, MIN_TITLE_CHARS), truncate(source, MIN_SOURCE_CHARS));
  const variants = fixedPartVariants(content, service);
  const oneSegment = variants.find((f) => smsSize(shortest(f)).segments === 1);
  const fixed = oneSegment ?? variants[0];
  const segments = oneSegment ? 1 : smsSize(shortest(fixed)).segments;
  const fits = (text: string) => smsSize(text).segments <= segments;

  const minTitle = truncate(title, MIN_TITLE_CHARS);
  const keptSource = truncate(source, longestFitting(source.length, MIN_SOURCE_CHARS, (l) => fits(compose(fixed, minTitle, truncate(source, l)))));
  const keptTitle = truncate(title, longestFitting(title.length, MIN_TITLE_CHARS, (l) => fits(compose(fixed, truncate(title, l), keptSource))));
  return compose(fixed, keptTitle, keptSource);
}

interface FixedParts {
  service: string;
  reply: string;
}

/**
 * The service name and reply instructions, from the fullest to the most compact:
 * the service cut to 24 characters, then to 12; then, when the SMS carries a short
 * link (whose page offers Resolve), the reply instruction without "or resolve".
 */
function fixedPartVariants(content: PageContent, service: string): FixedParts[] {
  const reply = replyHint(content);
  const variants: FixedParts[] = [
    { service: truncate(service, MAX_SERVICE_CHARS), reply },
    { service: truncate(service, MIN_SERVICE_CHARS), reply },
  ];
  if (content.shortLink && content.status === 'triggered') {
    variants.push({ service: truncate(service, MIN_SERVICE_CHARS), reply: `Reply "ack ${content.incidentNumber}"` });
  }
  return variants;
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

/**
 * The largest length in [min, max] for which `fits` holds, or `min` when none does.
 * `fits` only turns false as the length grows (a longer cut is longer and holds every
 * character of a shorter one), so a binary search finds it.
 */
function longestFitting(max: number, min: number, fits: (length: number) => boolean): number {
  if (max <= min) return max;
  let lo = min;
  let hi = max;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function plain(text: string): string {
  return toGsmLookAlikes(text).replace(/\s+/g, ' ').trim();
}

