import fc from 'fast-check';
import { checkAdaptiveCard } from '../../../../test/support/adaptive-card-check';
import { pageContentArbitrary } from '../chat-webhook/chat-content.arbitrary.test-helper';
import { unescapeChatMarkdown } from '../chat-webhook/chat-markdown';
import type { PageContent } from '../notification-channel';
import { renderAdaptiveCard, renderTeamsMessage, TEAMS_MAX_DETAILS, TEAMS_TITLE_MAX_CHARS } from './teams-card.renderer';

const content: PageContent = {
  incidentId: 'inc-1',
  incidentNumber: 42,
  status: 'triggered',
  title: 'CPU above 90%',
  severity: 'critical',
  serviceName: 'billing',
};

type Block = { type: string; text?: string; facts?: { title: string; value: string }[] };
const blocks = (c: PageContent) => renderAdaptiveCard(c).body as Block[];
const facts = (c: PageContent) => blocks(c).flatMap((b) => b.facts ?? []);

describe('renderTeamsMessage', () => {
  it('wraps one Adaptive Card the way a Teams Workflows webhook expects', () => {
    const message = renderTeamsMessage(content);
    expect(message).toMatchObject({
      type: 'message',
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: { type: 'AdaptiveCard', version: '1.4' } }],
    });
    expect(message.attachments).toHaveLength(1);
  });

  it.each<{ name: string; content: PageContent; title: string; facts: [string, string][] }>([
    {
      name: 'a bare page',
      content,
      title: '\\#42 CPU above 90%',
      facts: [['Status', 'Triggered'], ['Severity', 'critical'], ['Service', 'billing']],
    },
    {
      name: 'source and who is paged',
      content: { ...content, source: 'db-01', integration: 'Events v2', paged: ['Ada', 'Bob'] },
      title: '\\#42 CPU above 90%',
      facts: [['Status', 'Triggered'], ['Severity', 'critical'], ['Service', 'billing'], ['Source', 'db-01 \\(Events v2\\)'], ['Paging', 'Ada, Bob']],
    },
    {
      name: 'an acknowledged incident',
      content: { ...content, status: 'acknowledged', paged: ['Ada'] },
      title: '\\#42 CPU above 90%',
      facts: [['Status', 'Acknowledged'], ['Severity', 'critical'], ['Service', 'billing'], ['Paged', 'Ada']],
    },
    {
      name: 'Markdown in the title',
      content: { ...content, title: '*urgent* [click](https://evil.example)' },
      title: '\\#42 \\*urgent\\* \\[click\\]\\(https://evil.example\\)',
      facts: [['Status', 'Triggered'], ['Severity', 'critical'], ['Service', 'billing']],
    },
  ])('$name', ({ content: c, title, facts: expected }) => {
    expect(blocks(c)[0]).toEqual({ type: 'TextBlock', text: title, wrap: true, weight: 'Bolder', size: 'Medium' });
    expect(blocks(c)[2].facts!.map((f) => [f.title, f.value])).toEqual(expected);
  });

  it('shows the details as facts, at most ten, and says how many were left out', () => {
    const details = Array.from({ length: 12 }, (_, i) => [`key${i}`, `value ${i}`] as const);
    const c = { ...content, details, detailsOmitted: 3 };
    expect(facts(c).filter((f) => f.title.startsWith('key'))).toHaveLength(TEAMS_MAX_DETAILS);
    expect(blocks(c).some((b) => b.text?.includes('5 more fields not shown'))).toBe(true);
  });

  it('links to the incident (the short link first) and to the sender\'s http(s) links only', () => {
    const card = renderAdaptiveCard({
      ...content,
      shortLink: 'https://klaxon.example.test/i/tok',
      incidentUrl: 'https://klaxon.example.test/incidents/1',
      links: [{ href: 'https://runbooks.example/cpu', text: 'Runbook' }, { href: 'javascript:alert(1)', text: 'x' }],
    });
    expect(card.actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Open incident', url: 'https://klaxon.example.test/i/tok' },
      { type: 'Action.OpenUrl', title: 'Runbook', url: 'https://runbooks.example/cpu' },
    ]);
    expect(renderAdaptiveCard(content).actions).toBeUndefined();
  });

  it('parses with the Adaptive Cards SDK without a problem', () => {
    const check = checkAdaptiveCard(renderAdaptiveCard({ ...content, details: [['a', 'b']], shortLink: 'https://k.example/i/t', paged: ['Ada'] }));
    expect(check.problems).toEqual([]);
    expect(check.elementTypes).toEqual(['TextBlock', 'TextBlock', 'FactSet', 'FactSet']);
    expect(check.actionTypes).toEqual(['Action.OpenUrl']);
  });

  it('for any page: the SDK parses it, text is bounded and escaped, and the message stays small', () => {
    fc.assert(
      fc.property(pageContentArbitrary, (c) => {
        const message = renderTeamsMessage(c);
        const card = message.attachments[0].content;
        const check = checkAdaptiveCard(card);
        const title = (card.body[0] as Block).text!;
        const json = JSON.stringify(message);
        return (
          check.problems.length === 0 &&
          Array.from(unescapeChatMarkdown(title)).length <= TEAMS_TITLE_MAX_CHARS &&
          !/(^|[^\\])[*_[\]<>`]/.test(title.replace(/\\\\/g, '')) &&
          Buffer.byteLength(json) < 28 * 1024 &&
          (card.actions ?? []).every((a) => /^https?:\/\//.test(a.url))
        );
      }),
      { numRuns: 200 },
    );
  });
});
