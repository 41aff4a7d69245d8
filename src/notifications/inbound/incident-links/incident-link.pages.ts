import type { TokenAction } from '../../action-tokens/action-token.codec';
import type { PageContent } from '../../channels/notification-channel';
import { pagedFact, sourceLabel } from '../../channels/page-facts';
import { escapeHtml, layout } from '../email-actions/email-action.pages';

/** What the short-link page shows of the incident. */
export interface IncidentLinkView {
  content: PageContent;
  /** "Alice (via SMS)": who acknowledged or resolved it, once someone has. */
  actedBy?: string;
  /** The actions this link can still take; each is a button posting to `<token>/<action>`. */
  actions: TokenAction[];
  token: string;
}

const LABEL: Record<TokenAction, string> = { acknowledge: 'Acknowledge', resolve: 'Resolve' };

/**
 * The page `GET /i/<token>` shows: the incident and a form per action. Opening it
 * never acts (link previews and scanners open links); a button's POST does. The form
 * targets are relative, so the page works behind a PUBLIC_URL with a path prefix.
 */
export function incidentLinkPage(view: IncidentLinkView): string {
  const c = view.content;
  const source = sourceLabel(c);
  const paged = pagedFact(c);
  const rows: Array<[string, string]> = [
    ['Status', c.status + (view.actedBy ? ` by ${view.actedBy}` : '')],
    ['Severity', c.severity],
    ['Service', c.serviceName],
    ...(source ? [['Source', source] as [string, string]] : []),
    ...(paged ? [paged] : []),
  ];
  const forms = view.actions.map(
    (action) =>
      `<form method="post" action="${escapeHtml(`${view.token}/${action}`)}" style="display:inline-block;margin-right:1rem">
       <button type="submit">${LABEL[action]} incident #${c.incidentNumber}</button>
     </form>`,
  );
  return layout(
    `Incident #${c.incidentNumber}`,
    `<p><strong>${escapeHtml(c.title)}</strong></p>
     <table cellpadding="4">${rows.map(([k, v]) => `<tr><th align="left">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('')}</table>
     ${forms.length ? `<p>${forms.join('')}</p>` : '<p>Nothing left to do from this link.</p>'}
     ${consoleLink(c)}`,
  );
}

/** The whole incident in the web console (timeline, notes, escalation), which asks to sign in. */
function consoleLink(c: PageContent): string {
  if (!c.incidentUrl || !/^https?:\/\//i.test(c.incidentUrl)) return '';
  return `<p><a href="${escapeHtml(c.incidentUrl)}">Open incident #${c.incidentNumber} in the Klaxon console</a> (sign-in needed)</p>`;
}

/** The answer to a button: what happened, and the way back to the incident's page. */
export function incidentLinkResultPage(title: string, message: string, token: string): string {
  return layout(title, `<p>${escapeHtml(message)}</p><p><a href="${escapeHtml(`../${token}`)}">Back to the incident</a></p>`);
}
