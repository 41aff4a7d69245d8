import { MAX_DETAIL_FIELDS, MAX_DETAILS_CHARS, MAX_FIELD_CHARS, MAX_LINKS, alertFacts } from './alert-facts.content';

/** Rows as incidents/alert-rows.ts stores them. */
const eventsV2 = {
  kind: 'events-v2',
  firing: 0,
  details: {
    component: 'postgres',
    group: 'prod-eu',
    custom_details: { 'free space': '1%', ping_ms: 12, nested: { a: [1, 2] }, empty: '', none: null },
    client: 'Nagios',
    client_url: 'https://nagios.example/host/db-01',
    images: [{ src: 'https://img.example/x.png' }],
    links: [{ href: 'https://runbooks.example/disk', text: 'Runbook' }, { href: 'https://grafana.example/d/1' }],
    source: 'db-01.example.com',
    occurredAt: '2026-11-30T10:00:00.000Z',
  },
};

const alertmanager = {
  kind: 'alertmanager',
  firing: 3,
  details: {
    labels: { alertname: 'HighCPU', instance: 'web-1:9100', job: 'node', severity: 'critical' },
    annotations: {
      summary: 'CPU above 90%',
      description: 'CPU on web-1\nhas been high for 10m',
      runbook_url: 'https://runbooks.example/cpu',
      dashboard: 'https://grafana.example/d/cpu',
    },
    startsAt: '2026-11-30T10:00:00.000Z',
    endsAt: null,
    generatorURL: 'http://prometheus.example/graph?g0.expr=cpu',
  },
};

const grafana = {
  kind: 'grafana',
  firing: 1,
  details: {
    labels: { alertname: 'DiskFull', job: 'node-exporter' },
    annotations: { summary: 'Disk full' },
    generatorURL: 'https://grafana.example/alerting/grafana/abc/view',
    grafana: {
      silenceURL: 'https://grafana.example/alerting/silence/new',
      dashboardURL: 'https://grafana.example/d/disk',
      panelURL: 'https://grafana.example/d/disk?viewPanel=1',
      imageURL: null,
      values: { B: 97 },
      valueString: '[ var=B value=97 ]',
    },
  },
};

describe('alertFacts', () => {
  it.each([
    [
      'Events v2: payload.source, custom_details then component/group, links and client_url',
      eventsV2,
      'Disk almost full',
      {
        source: 'db-01.example.com',
        integration: 'Events v2',
        details: [
          ['free space', '1%'],
          ['ping_ms', '12'],
          ['nested', '{"a":[1,2]}'],
          ['component', 'postgres'],
          ['group', 'prod-eu'],
        ],
        detailsOmitted: 0,
        links: [
          { href: 'https://runbooks.example/disk', text: 'Runbook' },
          { href: 'https://grafana.example/d/1', text: 'https://grafana.example/d/1' },
          { href: 'https://nagios.example/host/db-01', text: 'Nagios' },
        ],
      },
    ],
    [
      'Alertmanager: instance as source, annotations (not the summary that is the title) then labels, runbook first',
      alertmanager,
      'CPU above 90%',
      {
        source: 'web-1:9100',
        integration: 'Alertmanager',
        details: [
          ['Firing alerts', '3'],
          ['description', 'CPU on web-1 has been high for 10m'],
          ['alertname', 'HighCPU'],
          ['instance', 'web-1:9100'],
          ['job', 'node'],
          ['severity', 'critical'],
        ],
        detailsOmitted: 0,
        links: [
          { href: 'https://runbooks.example/cpu', text: 'Runbook' },
          { href: 'https://grafana.example/d/cpu', text: 'dashboard' },
          { href: 'http://prometheus.example/graph?g0.expr=cpu', text: 'Source' },
        ],
      },
    ],
    [
      'Grafana: job as source, the value string, the source, dashboard, panel and silence links',
      grafana,
      'Something else',
      {
        source: 'node-exporter',
        integration: 'Grafana',
        details: [
          ['summary', 'Disk full'],
          ['values', '[ var=B value=97 ]'],
          ['alertname', 'DiskFull'],
          ['job', 'node-exporter'],
        ],
        detailsOmitted: 0,
        links: [
          { href: 'https://grafana.example/alerting/grafana/abc/view', text: 'Source' },
          { href: 'https://grafana.example/d/disk', text: 'Dashboard' },
          { href: 'https://grafana.example/d/disk?viewPanel=1', text: 'Panel' },
          { href: 'https://grafana.example/alerting/silence/new', text: 'Silence' },
        ],
      },
    ],
    [
      'generic webhook: the sender keys, no source',
      { kind: 'generic', firing: 0, details: { host: 'cron-1', exit: 2, links: [], source: null, occurredAt: null } },
      'Backup failed',
      { integration: 'Webhook', details: [['host', 'cron-1'], ['exit', '2']], detailsOmitted: 0, links: [] },
    ],
    [
      'heartbeat',
      { kind: 'heartbeat', firing: 0, details: { intervalMinutes: 5, lastPingAt: '2026-11-30T09:55:00.000Z', links: [], source: null } },
      'Heartbeat missed',
      { integration: 'Heartbeat', details: [['intervalMinutes', '5'], ['lastPingAt', '2026-11-30T09:55:00.000Z']], detailsOmitted: 0, links: [] },
    ],
    [
      'Events v2 custom_details that are a string',
      { kind: 'events-v2', firing: 0, details: { custom_details: 'free text', source: 'x' } },
      't',
      { source: 'x', integration: 'Events v2', details: [['details', 'free text']], detailsOmitted: 0, links: [] },
    ],
    ['details that are not an object', { kind: 'events-v2', firing: 0, details: null }, 't', { integration: 'Events v2', details: [], detailsOmitted: 0, links: [] }],
  ])('%s', (_name, alert, title, expected) => {
    expect(alertFacts(alert, title)).toEqual(expected);
  });

  it(`keeps at most ${MAX_DETAIL_FIELDS} fields and says how many it left out`, () => {
    const custom = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`k${i}`, `v${i}`]));
    const facts = alertFacts({ kind: 'events-v2', firing: 0, details: { custom_details: custom } });
    expect(facts.details).toHaveLength(MAX_DETAIL_FIELDS);
    expect(facts.details[0]).toEqual(['k0', 'v0']);
    expect(facts.detailsOmitted).toBe(15);
  });

  it(`cuts each value to ${MAX_FIELD_CHARS} characters and all of them to ${MAX_DETAILS_CHARS}`, () => {
    const custom = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`k${i}`, 'x'.repeat(5000)]));
    const facts = alertFacts({ kind: 'events-v2', firing: 0, details: { custom_details: custom } });
    for (const [, value] of facts.details) {
      expect(value).toHaveLength(MAX_FIELD_CHARS);
      expect(value.endsWith('...')).toBe(true);
    }
    expect(facts.details.reduce((n, [k, v]) => n + k.length + v.length, 0)).toBeLessThanOrEqual(MAX_DETAILS_CHARS);
    expect(facts.details.length + facts.detailsOmitted).toBe(10);
    expect(facts.detailsOmitted).toBeGreaterThan(0);
  });

  it(`keeps http(s) links only, each once, at most ${MAX_LINKS}`, () => {
    const links = [
      { href: 'javascript:alert(1)', text: 'x' },
      { href: 'https://a.example/1', text: 'one' },
      { href: 'https://a.example/1', text: 'again' },
      ...Array.from({ length: 10 }, (_, i) => ({ href: `https://b.example/${i}`, text: `b${i}` })),
    ];
    const facts = alertFacts({ kind: 'events-v2', firing: 0, details: { links } });
    expect(facts.links.map((l) => l.href)).toEqual(['https://a.example/1', 'https://b.example/0', 'https://b.example/1', 'https://b.example/2', 'https://b.example/3']);
  });
});
