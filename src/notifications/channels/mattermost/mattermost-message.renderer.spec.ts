import fc from 'fast-check';
import { pageContentArbitrary } from '../chat-webhook/chat-content.arbitrary.test-helper';
import { unescapeChatMarkdown } from '../chat-webhook/chat-markdown';
import type { PageContent } from '../notification-channel';
import { MATTERMOST_MAX_DETAILS, MATTERMOST_TITLE_MAX_CHARS, renderMattermostMessage } from './mattermost-message.renderer';

const content: PageContent = {
  incidentId: 'inc-1',
  incidentNumber: 42,
  status: 'triggered',
  title: 'CPU above 90%',
  severity: 'critical',
  serviceName: 'billing',
};

describe('renderMattermostMessage', () => {
  it.each<{ name: string; content: PageContent; text: string; color: string; fields: [string, string][] }>([
    {
      name: 'a bare page',
      content,
      text: 'Triggered: \\#42 CPU above 90%',
      color: '#D0021B',
      fields: [['Status', 'Triggered'], ['Severity', 'critical'], ['Service', 'billing']],
    },
    {
      name: 'acknowledged, with source and who was paged',
      content: { ...content, status: 'acknowledged', source: 'db-01', paged: ['Ada'] },
      text: 'Acknowledged: \\#42 CPU above 90%',
      color: '#F5A623',
      fields: [['Status', 'Acknowledged'], ['Severity', 'critical'], ['Service', 'billing'], ['Source', 'db-01'], ['Paged', 'Ada']],
    },
    {
      name: 'Markdown in the service name',
      content: { ...content, serviceName: '**pay** <!channel>' },
      text: 'Triggered: \\#42 CPU above 90%',
      color: '#D0021B',
      fields: [['Status', 'Triggered'], ['Severity', 'critical'], ['Service', '\\*\\*pay\\*\\* \\<!channel\\>']],
    },
  ])('$name', ({ content: c, text, color, fields }) => {
    const message = renderMattermostMessage(c);
    expect(message.text).toBe(text);
    expect(message.attachments).toHaveLength(1);
    expect(message.attachments[0].color).toBe(color);
    expect(message.attachments[0].fields.map((f) => [f.title, f.value])).toEqual(fields);
  });

  it('links the title to the incident and lists the sender\'s http(s) links', () => {
    const [a] = renderMattermostMessage({
      ...content,
      shortLink: 'https://klaxon.example.test/i/tok',
      links: [{ href: 'https://runbooks.example/a b', text: 'Run*book*' }, { href: 'javascript:alert(1)', text: 'x' }],
    }).attachments;
    expect(a.title_link).toBe('https://klaxon.example.test/i/tok');
    expect(a.text).toBe('[Run\\*book\\*](https://runbooks.example/a%20b)');
    expect(renderMattermostMessage(content).attachments[0].title_link).toBeUndefined();
  });

  it('keeps at most ten details as long fields and says how many were left out', () => {
    const details = Array.from({ length: 11 }, (_, i) => [`k${i}`, `v${i}`] as const);
    const [a] = renderMattermostMessage({ ...content, details }).attachments;
    expect(a.fields.filter((f) => !f.short)).toHaveLength(MATTERMOST_MAX_DETAILS);
    expect(a.text).toBe('_1 more field not shown_');
  });

  it('for any page: one attachment, a bounded escaped title, a plain fallback and a small body', () => {
    fc.assert(
      fc.property(pageContentArbitrary, (c) => {
        const message = renderMattermostMessage(c);
        const [a] = message.attachments;
        return (
          message.attachments.length === 1 &&
          Array.from(unescapeChatMarkdown(a.title)).length <= MATTERMOST_TITLE_MAX_CHARS &&
          !/(^|[^\\])[*_[\]<>`]/.test(a.title.replace(/\\\\/g, '')) &&
          Array.from(a.fallback).length <= 400 &&
          !a.fallback.includes('\n') &&
          (a.title_link === undefined || /^https?:\/\//.test(a.title_link)) &&
          Buffer.byteLength(JSON.stringify(message)) < 16_000
        );
      }),
      { numRuns: 300 },
    );
  });
});
