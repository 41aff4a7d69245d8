import type { PageContent } from '../notification-channel';
import { isHttpUrl, omittedLabel, pagedFact, sourceLabel } from '../page-facts';

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/** `[#42] TRIGGERED: CPU above 90%`; line breaks in the title become spaces (a header is one line). */
export function renderEmailSubject(content: PageContent): string {
  return `[#${content.incidentNumber}] ${content.status.toUpperCase()}: ${content.title.replace(/\s+/g, ' ').trim()}`;
}

/**
 * The page as an email: a plain-text part and an HTML part with the same facts and the
 * one-click links from `content.actionLinks`. Every piece of user text in the HTML goes
 * through `escapeHtml`; links are only rendered when they are http(s) URLs.
 */
export function renderEmail(content: PageContent): RenderedEmail {
  const rows = factRows(content);
  const links = actionLinks(content);
  const extra = content.moreIncidents ?? 0;
  const more = extra > 0 ? `This page also stands for ${extra} more incident${extra === 1 ? '' : 's'}.` : null;

  const details = content.details ?? [];
  const omitted = omittedLabel(content);
  const alertLinks = (content.links ?? []).filter((l) => isHttpUrl(l.href));

  const text = [
    `Incident #${content.incidentNumber}: ${content.title}`,
    '',
    ...rows.map(([label, value]) => `${label}: ${value}`),
    ...(details.length ? ['', 'Details:', ...details.map(([label, value]) => `  ${label}: ${value}`), ...(omitted ? [`  (${omitted})`] : [])] : []),
    ...(alertLinks.length ? ['', 'Links:', ...alertLinks.map((l) => `  ${l.text}: ${l.href}`)] : []),
    ...(more ? ['', more] : []),
    ...(content.incidentUrl ? ['', `View: ${content.incidentUrl}`] : []),
    ...(links.length ? ['', ...links.map(([label, url]) => `${label}: ${url}`)] : []),
    '',
    '-- ',
    'Sent by Klaxon',
  ].join('\n');

  const html = [
    '<!DOCTYPE html>',
    '<html><body style="font-family:sans-serif">',
    `<h2>Incident #${content.incidentNumber}: ${escapeHtml(content.title)}</h2>`,
    '<table cellpadding="4">',
    ...rows.map(([label, value]) => `<tr><th align="left">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`),
    '</table>',
    ...(details.length
      ? [
          '<h3>Details</h3>',
          '<table cellpadding="4">',
          ...details.map(([label, value]) => `<tr><th align="left">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`),
          '</table>',
          ...(omitted ? [`<p style="color:#888">${escapeHtml(omitted)}</p>`] : []),
        ]
      : []),
    ...(alertLinks.length
      ? ['<h3>Links</h3>', `<ul>${alertLinks.map((l) => `<li><a href="${escapeHtml(l.href)}">${escapeHtml(l.text)}</a></li>`).join('')}</ul>`]
      : []),
    ...(more ? [`<p>${escapeHtml(more)}</p>`] : []),
    ...(links.length
      ? [`<p>${links.map(([label, url]) => `<a href="${escapeHtml(url)}" style="margin-right:16px">${escapeHtml(label)}</a>`).join(' ')}</p>`]
      : []),
    ...(content.incidentUrl && isHttpUrl(content.incidentUrl)
      ? [`<p><a href="${escapeHtml(content.incidentUrl)}">View incident</a></p>`]
      : []),
    '<p style="color:#888">Sent by Klaxon</p>',
    '</body></html>',
  ].join('\n');

  return { subject: renderEmailSubject(content), text, html };
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function factRows(content: PageContent): Array<[string, string]> {
  const source = sourceLabel(content);
  const paged = pagedFact(content);
  return [
    ['Status', content.status],
    ['Severity', content.severity],
    ['Service', content.serviceName],
    ...(source ? [['Source', source] as [string, string]] : []),
    ...(paged ? [paged] : []),
  ];
}

/** Acknowledging makes no sense once resolved, nor resolving twice. */
function actionLinks(content: PageContent): Array<[string, string]> {
  const links: Array<[string, string]> = [];
  const { acknowledge, resolve } = content.actionLinks ?? {};
  if (content.status === 'triggered' && acknowledge && isHttpUrl(acknowledge)) links.push(['Acknowledge', acknowledge]);
  if (content.status !== 'resolved' && resolve && isHttpUrl(resolve)) links.push(['Resolve', resolve]);
  return links;
}
