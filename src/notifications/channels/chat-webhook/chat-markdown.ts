/**
 * Text helpers shared by the Teams and Mattermost renderers. Both render a
 * Markdown subset, so text that comes from an alert (titles, details, names)
 * is escaped with backslashes: `*x*` shows as typed rather than in bold, and a
 * `[label](url)` of a sender's cannot become a link.
 */

/** Characters that make Markdown anywhere in a line: emphasis, code, links, tables, HTML, date functions. */
const MARKDOWN_SPECIAL = /[\\`*_~[\]()<>#|{}]/g;
/** A list item, quote or heading marker at the start: "- x", "+ x", "1. x", "2) x". */
const LEADING_MARKER = /^(\s*)([-+]|\d+[.)])/;

/** Backslash before every character either renderer may read as Markdown (CommonMark escapes ASCII punctuation so). */
export function escapeChatMarkdown(text: string): string {
  return text
    .replace(MARKDOWN_SPECIAL, (c) => `\\${c}`)
    .replace(LEADING_MARKER, (_, space: string, marker: string) => `${space}${marker.slice(0, -1)}\\${marker.slice(-1)}`);
}

/** The inverse of escapeChatMarkdown (for tests and for readers of the payload). */
export function unescapeChatMarkdown(text: string): string {
  return text.replace(/\\([\\`*_~[\]()<>#|{}+\-.)])/g, '$1');
}

export { oneLine, truncate } from '../page-facts';

export const STATUS_LABEL = { triggered: 'Triggered', acknowledged: 'Acknowledged', resolved: 'Resolved' } as const;
