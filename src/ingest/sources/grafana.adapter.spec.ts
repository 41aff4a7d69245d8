import { createHmac } from 'node:crypto';
import { loadFixture } from './fixtures/load-fixture';
import { adaptGrafana, verifyGrafanaSignature } from './grafana.adapter';
import { AdapterResult, NormalisedEvent } from './normalised-event';

const GROUP_KEY = '{}/{__grafana_receiver__="klaxon"}:{alertname="DiskFull", grafana_folder="infra"}';

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
  return loadFixture('grafana-webhook-firing.json');
}

function alertOf(body: Record<string, unknown>): Record<string, unknown> {
  return (body.alerts as Record<string, unknown>[])[0];
}

describe('adaptGrafana with the sample', () => {
  it('normalises the firing notification', () => {
    const event = expectEvent(adaptGrafana(firing()));

    expect(event).toEqual({
      action: 'trigger',
      dedupKey: GROUP_KEY,
      title: '[FIRING:1] DiskFull infra (web-3 critical)',
      severity: 'critical',
      source: 'web-3',
      details: {
        status: 'firing',
        receiver: 'klaxon',
        groupLabels: { alertname: 'DiskFull', grafana_folder: 'infra' },
        commonLabels: { alertname: 'DiskFull', grafana_folder: 'infra', instance: 'web-3', severity: 'critical' },
        commonAnnotations: { summary: 'Disk /var is 97% full', description: 'web-3 /var usage above 95% for 10m' },
        externalURL: 'http://grafana.local/',
        truncatedAlerts: 0,
        state: 'alerting',
        message: '**Firing**\n\nValue: B=97.2, C=1\nLabels:\n - alertname = DiskFull\n - instance = web-3\n',
        orgId: 1,
      },
      links: [
        { href: 'http://grafana.local/alerting/grafana/abc123/view?orgId=1', text: 'Source: DiskFull' },
        { href: 'http://grafana.local/d/infra-disk?orgId=1', text: 'Dashboard' },
        { href: 'http://grafana.local/d/infra-disk?orgId=1&viewPanel=4', text: 'Panel' },
        {
          href: 'http://grafana.local/alerting/silence/new?alertmanager=grafana&matcher=alertname%3DDiskFull',
          text: 'Silence',
        },
        { href: 'http://grafana.local/', text: 'Grafana' },
      ],
      occurredAt: new Date('2026-11-28T00:40:00Z'),
      alerts: [
        {
          fingerprint: '1f0b2c3d4e5f6a7b',
          status: 'firing',
          labels: { alertname: 'DiskFull', grafana_folder: 'infra', instance: 'web-3', severity: 'critical' },
          annotations: { summary: 'Disk /var is 97% full', description: 'web-3 /var usage above 95% for 10m' },
          startsAt: new Date('2026-11-28T00:40:00Z'),
          endsAt: null,
          generatorURL: 'http://grafana.local/alerting/grafana/abc123/view?orgId=1',
          grafana: {
            silenceURL: 'http://grafana.local/alerting/silence/new?alertmanager=grafana&matcher=alertname%3DDiskFull',
            dashboardURL: 'http://grafana.local/d/infra-disk?orgId=1',
            panelURL: 'http://grafana.local/d/infra-disk?orgId=1&viewPanel=4',
            imageURL: null,
            values: { B: 97.2, C: 1 },
            valueString: "[ var='B' labels={instance=web-3} value=97.2 ], [ var='C' labels={instance=web-3} value=1 ]",
          },
        },
      ],
    });
  });
});

describe('adaptGrafana rules', () => {
  it('resolves on status resolved', () => {
    const body = firing();
    body.status = 'resolved';
    body.state = 'ok';
    Object.assign(alertOf(body), { status: 'resolved', endsAt: '2026-11-28T00:55:00Z' });
    const event = expectEvent(adaptGrafana(body));
    expect(event.action).toBe('resolve');
    expect(event.occurredAt).toEqual(new Date('2026-11-28T00:55:00Z'));
  });

  it('resolves on state ok even when status says firing', () => {
    const body = firing();
    body.state = 'ok';
    expect(expectEvent(adaptGrafana(body)).action).toBe('resolve');
  });

  it('falls back to the Alertmanager title rule when title is blank or absent', () => {
    const body = firing();
    body.title = '  ';
    expect(expectEvent(adaptGrafana(body)).title).toBe('Disk /var is 97% full');
    delete body.title;
    body.commonAnnotations = {};
    expect(expectEvent(adaptGrafana(body)).title).toBe('DiskFull (1 firing)');
  });

  it('sanitises the title', () => {
    const body = firing();
    body.title = `Disk\r\nfull\u0000 ${'x'.repeat(1100)}`;
    const title = expectEvent(adaptGrafana(body)).title;
    expect(title.startsWith('Disk  full x')).toBe(true);
    expect(title).toHaveLength(1024);
  });

  it('accepts absent Grafana extras, blank URLs and null values', () => {
    const body = firing();
    for (const key of ['orgId', 'state', 'message', 'title']) delete body[key];
    const alert = alertOf(body);
    for (const key of ['silenceURL', 'dashboardURL', 'valueString']) delete alert[key];
    alert.panelURL = '';
    alert.values = { B: null };
    alert.imageURL = 'https://img.example/a.png';
    const event = expectEvent(adaptGrafana(body));
    expect(event.alerts?.[0].grafana).toEqual({
      silenceURL: null,
      dashboardURL: null,
      panelURL: null,
      imageURL: 'https://img.example/a.png',
      values: { B: null },
      valueString: null,
    });
    expect(event.details.state).toBeUndefined();
    expect(event.details.orgId).toBeUndefined();
    expect(event.details.message).toBeUndefined();
  });
});

describe('adaptGrafana validation', () => {
  it.each([[[]], [null], ['x']])('rejects the non-object body %p', (body) => {
    expect(expectErrors(adaptGrafana(body))).toEqual(['Body must be a JSON object']);
  });

  it('rejects the Alertmanager version', () => {
    const body = firing();
    body.version = '4';
    expect(expectErrors(adaptGrafana(body))).toEqual(["'version' is invalid (must be one of the following: '1')"]);
  });

  it('names every problem of the Grafana fields together with the shared ones', () => {
    const body = firing();
    Object.assign(body, { groupKey: '', title: 3, state: 'pending', message: [], orgId: 'one' });
    Object.assign(alertOf(body), {
      silenceURL: 1,
      dashboardURL: 2,
      panelURL: 3,
      imageURL: 4,
      values: { B: 'high', C: Infinity, D: null },
      valueString: 5,
    });
    expect(expectErrors(adaptGrafana(body))).toEqual([
      "'groupKey' is missing or blank",
      "'alerts[0].silenceURL' must be a string",
      "'alerts[0].dashboardURL' must be a string",
      "'alerts[0].panelURL' must be a string",
      "'alerts[0].values.B' must be a number or null",
      "'alerts[0].values.C' must be a number or null",
      "'alerts[0].valueString' must be a string",
      "'alerts[0].imageURL' must be a string",
      "'title' must be a string",
      "'state' is invalid (must be one of the following: 'alerting' or 'ok')",
      "'message' must be a string",
      "'orgId' must be an integer",
    ]);
    alertOf(body).values = [];
    expect(expectErrors(adaptGrafana(body))).toContain("'alerts[0].values' must be an object");
  });

  it('keeps __proto__ keys in values harmless', () => {
    const body = JSON.parse(JSON.stringify(firing()).replace('"values":{', '"values":{"__proto__":{"polluted":1},'));
    expect(expectEvent(adaptGrafana(body)).alerts?.[0].grafana?.values).toEqual({ B: 97.2, C: 1 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('verifyGrafanaSignature', () => {
  const secret = 'grafana-secret';
  const body = Buffer.from(JSON.stringify(loadFixture('grafana-webhook-firing.json')));
  const sign = (message: Buffer) => createHmac('sha256', secret).update(message).digest('hex');

  it('accepts an HMAC over the body', () => {
    expect(verifyGrafanaSignature({ secret, body, signatureHex: sign(body) })).toBe(true);
  });

  it('accepts uppercase hex and surrounding whitespace', () => {
    expect(verifyGrafanaSignature({ secret, body, signatureHex: ` ${sign(body).toUpperCase()} ` })).toBe(true);
  });

  it('accepts an HMAC over timestamp:body when a timestamp is given', () => {
    const timestamp = '1764290400';
    const signatureHex = sign(Buffer.concat([Buffer.from(`${timestamp}:`), body]));
    expect(verifyGrafanaSignature({ secret, body, signatureHex, timestamp })).toBe(true);
    expect(verifyGrafanaSignature({ secret, body, signatureHex })).toBe(false);
    expect(verifyGrafanaSignature({ secret, body, signatureHex, timestamp: '1764290401' })).toBe(false);
  });

  it('rejects a signature over the body when a timestamp is expected', () => {
    expect(verifyGrafanaSignature({ secret, body, signatureHex: sign(body), timestamp: '1' })).toBe(false);
  });

  it('rejects a tampered body, a wrong secret and malformed signatures without throwing', () => {
    const signatureHex = sign(body);
    expect(verifyGrafanaSignature({ secret, body: Buffer.concat([body, Buffer.from(' ')]), signatureHex })).toBe(false);
    expect(verifyGrafanaSignature({ secret: 'other', body, signatureHex })).toBe(false);
    for (const bad of ['', 'abc', signatureHex.slice(0, 62), `${signatureHex}00`, `${signatureHex.slice(0, 63)}g`]) {
      expect(verifyGrafanaSignature({ secret, body, signatureHex: bad })).toBe(false);
    }
  });
});
