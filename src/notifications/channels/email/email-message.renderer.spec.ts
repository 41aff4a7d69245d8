import type { PageContent } from '../notification-channel';
import { escapeHtml, renderEmail, renderEmailSubject } from './email-message.renderer';

const content: PageContent = {
  incidentId: 'inc-1',
  incidentNumber: 42,
  status: 'triggered',
  title: 'CPU above 90%',
  severity: 'critical',
  serviceName: 'billing',
  source: 'db-01',
  integration: 'Alertmanager',
  details: [
    ['region', 'eu-west-1'],
    ['runbook', 'see wiki'],
  ],
  detailsOmitted: 2,
  links: [{ href: 'https://wiki.example/cpu', text: 'Runbook' }],
  paged: ['Alice', 'Bob'],
  incidentUrl: 'https://klaxon.example/incidents/inc-1',
  actionLinks: {
    acknowledge: 'https://klaxon.example/actions/ack?token=abc&x=1',
    resolve: 'https://klaxon.example/actions/resolve?token=def',
  },
};

describe('renderEmailSubject', () => {
  it('is exactly [#number] STATUS: title', () => {
    expect(renderEmailSubject(content)).toBe('[#42] TRIGGERED: CPU above 90%');
    expect(renderEmailSubject({ ...content, status: 'resolved', title: 'two\nlines' })).toBe('[#42] RESOLVED: two lines');
  });
});

describe('renderEmail', () => {
  it('has a text body with the facts, the details and the one-click links', () => {
    const { text } = renderEmail(content);
    expect(text).toContain('Incident #42: CPU above 90%');
    expect(text).toContain('Severity: critical');
    expect(text).toContain('Service: billing');
    expect(text).toContain('Source: db-01 (Alertmanager)');
    expect(text).toContain('Paging: Alice, Bob');
    expect(text).toContain('Details:\n  region: eu-west-1\n  runbook: see wiki\n  (2 more fields not shown)');
    expect(text).toContain('Links:\n  Runbook: https://wiki.example/cpu');
    expect(text).toContain('Acknowledge: https://klaxon.example/actions/ack?token=abc&x=1');
    expect(text).toContain('Resolve: https://klaxon.example/actions/resolve?token=def');
    expect(text).toContain('View: https://klaxon.example/incidents/inc-1');
  });

  it('escapes every piece of user text in the HTML body', () => {
    const { html } = renderEmail({
      ...content,
      title: '<script>alert(1)</script>',
      serviceName: 'a&b',
      severity: '"high"',
      details: [['<k>', "<img src=x onerror='x'>"]],
      links: [{ href: 'https://x.example/"><script>', text: '<b>' }],
    });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('a&amp;b');
    expect(html).toContain('&quot;high&quot;');
    expect(html).toContain('&lt;k&gt;');
    expect(html).toContain('&lt;img src=x onerror=&#39;x&#39;&gt;');
  });

  it('renders the links as anchors with escaped hrefs', () => {
    const { html } = renderEmail(content);
    expect(html).toContain('<a href="https://klaxon.example/actions/ack?token=abc&amp;x=1"');
    expect(html).toContain('>Acknowledge</a>');
    expect(html).toContain('>Resolve</a>');
  });

  it('shows the source, who is paged, the details and the alert links in the HTML', () => {
    const { html } = renderEmail(content);
    expect(html).toContain('<tr><th align="left">Source</th><td>db-01 (Alertmanager)</td></tr>');
    expect(html).toContain('<tr><th align="left">Paging</th><td>Alice, Bob</td></tr>');
    expect(html).toContain('<tr><th align="left">region</th><td>eu-west-1</td></tr>');
    expect(html).toContain('2 more fields not shown');
    expect(html).toContain('<li><a href="https://wiki.example/cpu">Runbook</a></li>');
  });

  it('says "Paged" once the incident is no longer triggered, and leaves out what is unknown', () => {
    expect(renderEmail({ ...content, status: 'acknowledged' }).text).toContain('Paged: Alice, Bob');
    const bare = renderEmail({ ...content, source: undefined, integration: undefined, paged: undefined, details: undefined, links: undefined });
    expect(bare.text).not.toMatch(/Source:|Paging:|Details:|Links:/);
    expect(bare.html).not.toMatch(/<h3>/);
  });

  it('drops links that do not fit the state or are not http(s)', () => {
    expect(renderEmail({ ...content, status: 'acknowledged' }).html).not.toContain('Acknowledge</a>');
    expect(renderEmail({ ...content, status: 'resolved' }).text).not.toContain('Resolve:');
    const hostile = renderEmail({
      ...content,
      actionLinks: { acknowledge: 'javascript:alert(1)' },
      incidentUrl: 'javascript:x',
      links: [{ href: 'javascript:alert(2)', text: 'x' }],
    });
    expect(hostile.html).not.toContain('javascript:');
  });

  it('mentions bundled incidents', () => {
    expect(renderEmail({ ...content, moreIncidents: 4 }).text).toContain('4 more incidents');
  });
});

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;');
  });
});
