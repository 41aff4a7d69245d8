import { MAX_GROUP_LINKS } from './alert-group';
import { adaptAlertmanager } from './alertmanager.adapter';
import { loadFixture } from './fixtures/load-fixture';
import { AdapterResult, NormalisedEvent } from './normalised-event';

const GROUP_KEY = '{}/{alertname=~".+"}:{alertname="HighCPU"}';

function expectEvent(result: AdapterResult): NormalisedEvent {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.errors)}`);
  expect(result.events).toHaveLength(1);
  return result.events[0];
}

function expectErrors(result: AdapterResult): string[] {
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}

function firing(): Record<string, unknown> {
  return loadFixture('alertmanager-webhook-firing.json');
}

function alertOf(body: Record<string, unknown>, index = 0): Record<string, unknown> {
  return (body.alerts as Record<string, unknown>[])[index];
}

describe('adaptAlertmanager with the real captures', () => {
  it('normalises the firing notification', () => {
    const event = expectEvent(adaptAlertmanager(firing()));

    expect(event).toEqual({
      action: 'trigger',
      dedupKey: GROUP_KEY,
      title: 'CPU above 90% for 5m',
      // The capture's severity label is "page", not one of the four levels.
      severity: 'error',
      source: 'db-1:9100',
      details: {
        status: 'firing',
        receiver: 'webhook',
        groupLabels: { alertname: 'HighCPU' },
        commonLabels: { alertname: 'HighCPU', instance: 'db-1:9100', service: 'billing', severity: 'page' },
        commonAnnotations: { runbook_url: 'https://runbooks.example/high-cpu', summary: 'CPU above 90% for 5m' },
        externalURL: 'http://vm:35343',
        truncatedAlerts: 0,
      },
      links: [
        { href: 'https://runbooks.example/high-cpu', text: 'Runbook' },
        { href: 'http://prometheus.local/graph?g0.expr=cpu', text: 'Source: HighCPU' },
        { href: 'http://vm:35343', text: 'Alertmanager' },
      ],
      occurredAt: new Date('2026-11-28T00:49:06Z'),
      alerts: [
        {
          fingerprint: 'a54993be3d56b16d',
          status: 'firing',
          labels: { alertname: 'HighCPU', instance: 'db-1:9100', service: 'billing', severity: 'page' },
          annotations: { runbook_url: 'https://runbooks.example/high-cpu', summary: 'CPU above 90% for 5m' },
          startsAt: new Date('2026-11-28T00:49:06Z'),
          endsAt: null,
          generatorURL: 'http://prometheus.local/graph?g0.expr=cpu',
        },
      ],
    });
  });

  it('normalises the resolved notification into a resolve with the same key and fingerprint', () => {
    const event = expectEvent(adaptAlertmanager(loadFixture('alertmanager-webhook-resolved.json')));

    expect(event.action).toBe('resolve');
    expect(event.dedupKey).toBe(GROUP_KEY);
    expect(event.occurredAt).toEqual(new Date('2026-11-28T00:49:09Z'));
    expect(event.alerts).toEqual([
      expect.objectContaining({
        fingerprint: 'a54993be3d56b16d',
        status: 'resolved',
        startsAt: new Date('2026-11-28T00:49:06Z'),
        endsAt: new Date('2026-11-28T00:49:09Z'),
      }),
    ]);
  });
});

describe('adaptAlertmanager rules', () => {
  it('titles the group by alertname and firing count when there is no summary', () => {
    const body = firing();
    body.commonAnnotations = { runbook_url: 'https://runbooks.example/high-cpu' };
    body.alerts = [
      alertOf(body),
      { ...alertOf(body), fingerprint: 'b2', status: 'resolved', endsAt: '2026-11-28T00:50:00Z' },
      { ...alertOf(body), fingerprint: 'c3' },
    ];
    expect(expectEvent(adaptAlertmanager(body)).title).toBe('HighCPU (2 firing)');

    body.commonLabels = {};
    expect(expectEvent(adaptAlertmanager(body)).title).toBe('Alert group (2 firing)');
  });

  it('sanitises and truncates the title', () => {
    const body = firing();
    body.commonAnnotations = { summary: `CPU\nhigh\u0000 ${'x'.repeat(1100)}` };
    const title = expectEvent(adaptAlertmanager(body)).title;
    expect(title.startsWith('CPU high x')).toBe(true);
    expect(title).toHaveLength(1024);
  });

  it.each([
    ['critical', 'critical'],
    ['warning', 'warning'],
    ['info', 'info'],
    ['error', 'error'],
    ['Critical', 'critical'],
    ['page', 'error'],
    [undefined, 'error'],
  ])('maps commonLabels.severity %p to %s', (label, severity) => {
    const body = firing();
    const labels = { ...(body.commonLabels as Record<string, string>) };
    if (label === undefined) delete labels.severity;
    else labels.severity = label;
    body.commonLabels = labels;
    expect(expectEvent(adaptAlertmanager(body)).severity).toBe(severity);
  });

  it('takes the source from instance, else job, else none', () => {
    const body = firing();
    body.commonLabels = { alertname: 'HighCPU', job: 'node' };
    expect(expectEvent(adaptAlertmanager(body)).source).toBe('node');
    body.commonLabels = { alertname: 'HighCPU' };
    expect(expectEvent(adaptAlertmanager(body)).source).toBeNull();
  });

  it('uses the earliest firing start for a trigger', () => {
    const body = firing();
    body.alerts = [
      { ...alertOf(body), fingerprint: 'a', startsAt: '2026-11-28T00:50:00Z' },
      { ...alertOf(body), fingerprint: 'b', startsAt: '2026-11-28T00:40:00.123456789Z' },
      { ...alertOf(body), fingerprint: 'c', status: 'resolved', startsAt: '2026-11-28T00:10:00Z' },
    ];
    expect(expectEvent(adaptAlertmanager(body)).occurredAt).toEqual(new Date('2026-11-28T00:40:00.123Z'));
  });

  it('has no occurrence time when no alert carries one', () => {
    const body = loadFixture('alertmanager-webhook-resolved.json');
    body.alerts = [{ ...alertOf(body), endsAt: '0001-01-01T00:00:00Z' }];
    expect(expectEvent(adaptAlertmanager(body)).occurredAt).toBeNull();
  });

  it('accepts absent optional group fields', () => {
    const body = firing();
    const optional = ['receiver', 'groupLabels', 'commonLabels', 'commonAnnotations', 'externalURL', 'truncatedAlerts'];
    for (const key of optional) delete body[key];
    delete alertOf(body).annotations;
    delete alertOf(body).endsAt;
    delete alertOf(body).generatorURL;
    const event = expectEvent(adaptAlertmanager(body));
    expect(event.title).toBe('Alert group (1 firing)');
    expect(event.links).toEqual([]);
    expect(event.details).toEqual({
      status: 'firing',
      groupLabels: {},
      commonLabels: {},
      commonAnnotations: {},
      truncatedAlerts: 0,
    });
    expect(event.alerts?.[0]).toMatchObject({ annotations: {}, endsAt: null, generatorURL: null });
  });

  it('keeps notification_reason and line breaks in annotations, flattens labels', () => {
    const body = firing();
    body.notification_reason = 'resend';
    alertOf(body).annotations = { description: 'line1\r\nline2\u0000' };
    alertOf(body).labels = { alertname: 'High\nCPU' };
    const event = expectEvent(adaptAlertmanager(body));
    expect(event.details.notification_reason).toBe('resend');
    expect(event.alerts?.[0].annotations).toEqual({ description: 'line1\nline2' });
    expect(event.alerts?.[0].labels).toEqual({ alertname: 'High CPU' });
  });

  it('drops unsafe and duplicate links and caps their number', () => {
    const body = firing();
    body.externalURL = 'javascript:alert(1)';
    body.alerts = Array.from({ length: 30 }, (_, index) => ({
      ...alertOf(body),
      fingerprint: `f${index}`,
      generatorURL: `http://prometheus.local/graph?g=${index % 25}`,
    }));
    const links = expectEvent(adaptAlertmanager(body)).links;
    expect(links).toHaveLength(MAX_GROUP_LINKS);
    expect(new Set(links.map((link) => link.href)).size).toBe(MAX_GROUP_LINKS);
    expect(links.some((link) => link.href.startsWith('javascript'))).toBe(false);
  });

  it('labels a source link without an alertname plainly', () => {
    const body = firing();
    alertOf(body).labels = { instance: 'x' };
    expect(expectEvent(adaptAlertmanager(body)).links).toContainEqual({
      href: 'http://prometheus.local/graph?g0.expr=cpu',
      text: 'Source',
    });
  });

  it('truncates the group key to 255 characters', () => {
    const body = firing();
    body.groupKey = `{}:{alertname="${'x'.repeat(400)}"}`;
    expect(expectEvent(adaptAlertmanager(body)).dedupKey).toHaveLength(255);
  });

  it('keeps __proto__ keys in labels harmless', () => {
    const body = JSON.parse(
      JSON.stringify(firing()).replace('"commonLabels":{', '"commonLabels":{"__proto__":{"polluted":"x"},'),
    );
    const event = expectEvent(adaptAlertmanager(body));
    expect(Object.keys(event.details.commonLabels as object)).toEqual(['alertname', 'instance', 'service', 'severity']);
    expect(Object.getPrototypeOf(event.details.commonLabels)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('adaptAlertmanager validation', () => {
  it.each([[[]], [null], ['x'], [1]])('rejects the non-object body %p', (body) => {
    expect(expectErrors(adaptAlertmanager(body))).toEqual(['Body must be a JSON object']);
  });

  it('names every problem of an empty object', () => {
    expect(expectErrors(adaptAlertmanager({}))).toEqual([
      "'version' is missing or blank",
      "'groupKey' is missing or blank",
      "'status' is missing or blank",
      "'alerts' is missing or blank",
    ]);
  });

  it('rejects another webhook version and status', () => {
    const body = firing();
    body.version = '1';
    body.status = 'pending';
    expect(expectErrors(adaptAlertmanager(body))).toEqual([
      "'version' is invalid (must be one of the following: '4')",
      "'status' is invalid (must be one of the following: 'firing' or 'resolved')",
    ]);
  });

  it('names every wrongly typed group field', () => {
    const body = firing();
    Object.assign(body, {
      groupKey: 5,
      receiver: 1,
      groupLabels: [],
      commonLabels: { severity: 3 },
      commonAnnotations: 'x',
      externalURL: false,
      truncatedAlerts: -1,
      notification_reason: 2,
    });
    expect(expectErrors(adaptAlertmanager(body))).toEqual([
      "'groupKey' must be a string",
      "'receiver' must be a string",
      "'groupLabels' must be an object",
      "'commonLabels.severity' must be a string",
      "'commonAnnotations' must be an object",
      "'externalURL' must be a string",
      "'truncatedAlerts' must be a non-negative integer",
      "'notification_reason' must be a string",
    ]);
  });

  it('rejects alerts that are not a non-empty array', () => {
    const body = firing();
    body.alerts = {};
    expect(expectErrors(adaptAlertmanager(body))).toEqual(["'alerts' must be an array"]);
    body.alerts = [];
    expect(expectErrors(adaptAlertmanager(body))).toEqual(["'alerts' must be a non-empty array"]);
  });

  it('names every problem of every alert with its index', () => {
    const body = firing();
    body.alerts = [
      alertOf(body),
      'not an alert',
      {},
      {
        status: 'pending',
        labels: { a: 1 },
        annotations: [],
        startsAt: 'yesterday',
        endsAt: 5,
        generatorURL: {},
        fingerprint: ' ',
      },
    ];
    expect(expectErrors(adaptAlertmanager(body))).toEqual([
      "'alerts[1]' must be an object",
      "'alerts[2].status' is missing or blank",
      "'alerts[2].startsAt' is missing or blank",
      "'alerts[2].fingerprint' is missing or blank",
      "'alerts[3].status' is invalid (must be one of the following: 'firing' or 'resolved')",
      "'alerts[3].labels.a' must be a string",
      "'alerts[3].annotations' must be an object",
      "'alerts[3].startsAt' is invalid (must be an ISO 8601 timestamp with a time zone)",
      "'alerts[3].endsAt' must be a string",
      "'alerts[3].generatorURL' must be a string",
      "'alerts[3].fingerprint' is missing or blank",
    ]);
  });

  it('rejects two alerts with one fingerprint', () => {
    const body = firing();
    body.alerts = [alertOf(body), { ...alertOf(body) }];
    expect(expectErrors(adaptAlertmanager(body))).toEqual([
      "'alerts[1].fingerprint' duplicates 'alerts[0].fingerprint'",
    ]);
  });

  it('ignores Grafana fields', () => {
    const body = firing();
    alertOf(body).dashboardURL = 5;
    expect(expectEvent(adaptAlertmanager(body)).alerts?.[0].grafana).toBeUndefined();
  });
});
