import type { PageContent } from '../notification-channel';
import { escapeMrkdwn, renderIncidentBlocks, renderIncidentText } from './slack-blocks.renderer';

const content: PageContent = {
  incidentId: 'inc-1',
  incidentNumber: 42,
  status: 'triggered',
  title: 'CPU above 90%',
  severity: 'critical',
  serviceName: 'billing',
};

type AnyBlock = { type: string; [key: string]: unknown };

function buttons(blocks: AnyBlock[]): Array<{ action_id: string; value: string }> {
  const actions = blocks.find((b) => b.type === 'actions') as { elements: Array<{ action_id: string; value: string }> } | undefined;
  return actions?.elements ?? [];
}

function allText(blocks: unknown): string {
  return JSON.stringify(blocks);
}

describe('renderIncidentBlocks', () => {
  it('shows number and title in the header, and status, severity and service as fields', () => {
    const blocks = renderIncidentBlocks(content) as AnyBlock[];
    expect(blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: '#42 CPU above 90%', emoji: false } });
    expect(blocks[1]).toMatchObject({
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: '*Status*\n:rotating_light: TRIGGERED' },
        { type: 'mrkdwn', text: '*Severity*\ncritical' },
        { type: 'mrkdwn', text: '*Service*\nbilling' },
      ],
    });
  });

  it('says when a maintenance incident was held until its window ended, and says nothing otherwise', () => {
    const held = renderIncidentBlocks({ ...content, maintenanceReleasedAt: '2026-12-01T23:00:00.000Z' }) as AnyBlock[];
    expect(held.find((b) => b.type === 'context')).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: ':construction: Opened during a maintenance window; held until it ended at 2026-12-01 23:00 UTC' }],
    });
    expect(allText(renderIncidentBlocks(content))).not.toContain('maintenance');
  });

  it('offers Acknowledge, Resolve and Escalate with the incident id as value while triggered', () => {
    expect(buttons(renderIncidentBlocks(content) as AnyBlock[])).toEqual([
      expect.objectContaining({ action_id: 'incident_ack', value: 'inc-1' }),
      expect.objectContaining({ action_id: 'incident_resolve', value: 'inc-1' }),
      expect.objectContaining({ action_id: 'incident_escalate', value: 'inc-1' }),
    ]);
  });

  it('drops Acknowledge once acknowledged and every button once resolved, saying who acted', () => {
    const acked = renderIncidentBlocks({ ...content, status: 'acknowledged' }, { slackUserId: 'U123' }) as AnyBlock[];
    expect(buttons(acked).map((b) => b.action_id)).toEqual(['incident_resolve', 'incident_escalate']);
    expect(allText(acked)).toContain('Acknowledged by <@U123>');

    const resolved = renderIncidentBlocks({ ...content, status: 'resolved' }, 'Alice <admin>') as AnyBlock[];
    expect(resolved.some((b) => b.type === 'actions')).toBe(false);
    expect(allText(resolved)).toContain('Resolved by Alice &lt;admin&gt;');
    expect(allText(resolved)).toContain('RESOLVED');
  });

  it('escapes user text so it cannot mention or link', () => {
    const blocks = renderIncidentBlocks({
      ...content,
      serviceName: '<!channel>',
      details: [['<@U1>', 'a & <https://evil|b>']],
      links: [{ href: 'https://ok.example/a|b>c', text: '<!here>' }],
    });
    const text = allText(blocks);
    expect(text).not.toContain('<!channel>');
    expect(text).toContain('&lt;!channel&gt;');
    expect(text).toContain('a &amp; &lt;https://evil|b&gt;');
    expect(text).not.toContain('<!here>');
    expect(text).toContain('<https://ok.example/a%7Cb%3Ec|&lt;!here&gt;>');
  });

  it('shows the source and who is paged as fields, then the details and the alert links', () => {
    const blocks = renderIncidentBlocks({
      ...content,
      source: 'db-01',
      integration: 'Events v2',
      paged: ['Alice', 'Bob'],
      details: [
        ['region', 'eu-west-1'],
        ['pool', 'b'],
      ],
      detailsOmitted: 1,
      links: [
        { href: 'https://runbooks.example/cpu', text: 'Runbook' },
        { href: 'ftp://nope.example', text: 'FTP' },
      ],
    }) as AnyBlock[];
    expect((blocks[1] as unknown as { fields: { text: string }[] }).fields.map((f) => f.text)).toEqual([
      '*Status*\n:rotating_light: TRIGGERED',
      '*Severity*\ncritical',
      '*Service*\nbilling',
      '*Source*\ndb-01 (Events v2)',
      '*Paging*\nAlice, Bob',
    ]);
    expect(blocks[2]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: '*region:* eu-west-1\n*pool:* b\n_1 more field not shown_' } });
    expect(blocks[3]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: '*Links*  <https://runbooks.example/cpu|Runbook>' } });
    const acked = renderIncidentBlocks({ ...content, status: 'acknowledged', paged: ['Alice'] }) as AnyBlock[];
    expect(allText(acked)).toContain('*Paged*\\nAlice');
  });

  it('adds bundling and the incident link in a context block, and truncates a long header', () => {
    const blocks = renderIncidentBlocks({
      ...content,
      title: 'x'.repeat(400),
      moreIncidents: 2,
      incidentUrl: 'https://klaxon.example/incidents/inc-1',
    }) as AnyBlock[];
    expect((blocks[0] as unknown as { text: { text: string } }).text.text).toHaveLength(150);
    expect(blocks.find((b) => b.type === 'context')).toEqual({
      type: 'context',
      elements: [
        { type: 'mrkdwn', text: '+2 more incidents' },
        { type: 'mrkdwn', text: '<https://klaxon.example/incidents/inc-1|View incident>' },
      ],
    });
  });
});

describe('renderIncidentText', () => {
  it('is a one-line fallback with state and actor', () => {
    expect(renderIncidentText(content)).toBe('#42 TRIGGERED [critical] billing: CPU above 90%');
    expect(renderIncidentText({ ...content, status: 'resolved' }, 'bob')).toBe('#42 RESOLVED by bob [critical] billing: CPU above 90%');
  });
});

describe('escapeMrkdwn', () => {
  it('escapes &, < and >', () => {
    expect(escapeMrkdwn('<a & b>')).toBe('&lt;a &amp; b&gt;');
  });
});
