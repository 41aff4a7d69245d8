import {
  adaptEventsV2,
  eventsV2InvalidBody,
  eventsV2SuccessBody,
  parseRoutingKey,
  ROUTING_KEY_LENGTH,
} from './events-v2.adapter';
import { loadFixture } from './fixtures/load-fixture';
import { AdapterResult, NormalisedEvent } from './normalised-event';

const ROUTING_KEY = 'R0123456789abcdef0123456789abcde';
const GROUP_KEY_SHA = '889c8a0598331fbced44fa44a22e8715f47653dc239c8134fc3326a975f28ebf';

function expectEvent(result: AdapterResult): NormalisedEvent {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.errors)}`);
  expect(result.events).toHaveLength(1);
  return result.events[0];
}

function expectErrors(result: AdapterResult): string[] {
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}

/** The real Alertmanager capture with its test routing key replaced by a 32-character one. */
function sample(name: string): Record<string, unknown> {
  return { ...loadFixture(name), routing_key: ROUTING_KEY };
}

function trigger(overrides: Record<string, unknown> = {}, payload: Record<string, unknown> = {}) {
  return {
    routing_key: ROUTING_KEY,
    event_action: 'trigger',
    payload: { summary: 'CPU high', source: 'db-1', severity: 'warning', ...payload },
    ...overrides,
  };
}

describe('adaptEventsV2 with the real Alertmanager pagerduty_configs captures', () => {
  it('rejects the captured test routing key, which is 33 characters long', () => {
    const body = loadFixture('alertmanager-pagerduty-trigger.json');
    expect((body.routing_key as string).length).toBe(33);
    expect(expectErrors(adaptEventsV2(body))).toEqual([
      "Length of 'routing_key' is incorrect (should be 32 characters)",
    ]);
  });

  it('normalises the trigger', () => {
    const event = expectEvent(adaptEventsV2(sample('alertmanager-pagerduty-trigger.json')));

    expect(event).toEqual({
      action: 'trigger',
      dedupKey: GROUP_KEY_SHA,
      title: '[FIRING:1] HighCPU (db-1:9100 billing page)',
      severity: 'critical',
      source: 'Alertmanager-test',
      details: {
        custom_details: {
          firing: expect.stringContaining('Labels:\n - alertname = HighCPU\n'),
          num_firing: '1',
          num_resolved: '0',
          resolved: '',
        },
        client: 'Alertmanager-test',
        client_url: 'http://127.0.0.1:35343',
      },
      links: [{ href: 'http://127.0.0.1:35343', text: 'Alertmanager-test' }],
      occurredAt: null,
    });
    expect(event.alerts).toBeUndefined();
  });

  it('normalises the resolve with the same dedup key', () => {
    const event = expectEvent(adaptEventsV2(sample('alertmanager-pagerduty-resolve.json')));

    expect(event.action).toBe('resolve');
    expect(event.dedupKey).toBe(GROUP_KEY_SHA);
    expect(event.title).toBe('[RESOLVED] HighCPU (db-1:9100 billing page)');
    expect(event.severity).toBe('critical');
    expect(event.source).toBe('Alertmanager-test');
    expect(event.details.custom_details).toMatchObject({ num_firing: '0', num_resolved: '1' });
  });
});

describe('parseRoutingKey', () => {
  it('returns a 32-character key', () => {
    expect(parseRoutingKey({ routing_key: ROUTING_KEY })).toEqual({ ok: true, routingKey: ROUTING_KEY });
    expect(ROUTING_KEY).toHaveLength(ROUTING_KEY_LENGTH);
  });

  it.each([
    [{}, "'routing_key' is missing or blank"],
    [{ routing_key: null }, "'routing_key' is missing or blank"],
    [{ routing_key: '' }, "'routing_key' is missing or blank"],
    [{ routing_key: 42 }, "'routing_key' must be a string"],
    [{ routing_key: 'short' }, "Length of 'routing_key' is incorrect (should be 32 characters)"],
    [{ routing_key: `${ROUTING_KEY}x` }, "Length of 'routing_key' is incorrect (should be 32 characters)"],
    [[], 'Body must be a JSON object'],
    [null, 'Body must be a JSON object'],
    ['text', 'Body must be a JSON object'],
  ])('rejects %p', (body, message) => {
    expect(parseRoutingKey(body)).toEqual({ ok: false, errors: [message] });
  });
});

describe('adaptEventsV2 validation', () => {
  it.each([[[]], [null], ['{"a":1}'], [7], [undefined]])('rejects the non-object body %p', (body) => {
    expect(expectErrors(adaptEventsV2(body))).toEqual(['Body must be a JSON object']);
  });

  it('names every problem of an empty object', () => {
    expect(expectErrors(adaptEventsV2({}))).toEqual([
      "'routing_key' is missing or blank",
      "'event_action' is missing or blank",
    ]);
  });

  it('names every problem of a trigger with an empty payload', () => {
    expect(expectErrors(adaptEventsV2({ routing_key: 'x', event_action: 'trigger', payload: {} }))).toEqual([
      "Length of 'routing_key' is incorrect (should be 32 characters)",
      "'payload.summary' is missing or blank",
      "'payload.source' is missing or blank",
      "'payload.severity' is missing or blank",
    ]);
  });

  it('requires a payload object for a trigger', () => {
    expect(expectErrors(adaptEventsV2(trigger({ payload: undefined })))).toEqual(["'payload' is missing or blank"]);
    expect(expectErrors(adaptEventsV2(trigger({ payload: 'CPU high' })))).toEqual(["'payload' must be an object"]);
    expect(expectErrors(adaptEventsV2(trigger({ payload: ['CPU high'] })))).toEqual(["'payload' must be an object"]);
  });

  it('treats blank or control-only summaries as missing and wrong types as errors', () => {
    expect(expectErrors(adaptEventsV2(trigger({}, { summary: ' \u0000\n ', source: 7 })))).toEqual([
      "'payload.summary' is missing or blank",
      "'payload.source' must be a string",
    ]);
  });

  it('rejects an unknown event_action with PagerDuty wording', () => {
    expect(expectErrors(adaptEventsV2(trigger({ event_action: 'snooze' })))).toEqual([
      "'event_action' is invalid (must be one of the following: 'trigger', 'acknowledge' or 'resolve')",
    ]);
  });

  it('rejects an unknown severity with PagerDuty wording', () => {
    expect(expectErrors(adaptEventsV2(trigger({}, { severity: 'CRITICAL' })))).toEqual([
      "'payload.severity' is invalid (must be one of the following: 'critical', 'warning', 'error' or 'info')",
    ]);
  });

  it.each(['acknowledge', 'resolve'])('requires dedup_key for %s', (action) => {
    const body = { routing_key: ROUTING_KEY, event_action: action };
    expect(expectErrors(adaptEventsV2(body))).toEqual(["'dedup_key' is missing or blank"]);
    expect(expectErrors(adaptEventsV2({ ...body, dedup_key: '  ' }))).toEqual(["'dedup_key' is missing or blank"]);
  });

  it('rejects a non-string dedup_key', () => {
    expect(expectErrors(adaptEventsV2(trigger({ dedup_key: 12 })))).toEqual(["'dedup_key' must be a string"]);
  });

  it('rejects an unparsable or zone-less timestamp', () => {
    for (const timestamp of ['yesterday', '2026-03-08T14:00:00', 1700000000]) {
      expect(expectErrors(adaptEventsV2(trigger({}, { timestamp })))).toEqual([
        "'payload.timestamp' is invalid (must be an ISO 8601 timestamp with a time zone)",
      ]);
    }
  });

  it('rejects non-string component, group, class, client and client_url', () => {
    const body = trigger({ client: 1, client_url: {} }, { component: 1, group: [], class: true });
    expect(expectErrors(adaptEventsV2(body))).toEqual([
      "'payload.component' must be a string",
      "'payload.group' must be a string",
      "'payload.class' must be a string",
      "'client' must be a string",
      "'client_url' must be a string",
    ]);
  });

  it('names each bad link and image', () => {
    const body = trigger({
      links: [{ href: 'https://ok.example' }, 'nope', { text: 'no href' }, { href: 'https://x.example', text: 3 }],
      images: [{ alt: 'no src' }, 5],
    });
    expect(expectErrors(adaptEventsV2(body))).toEqual([
      "'links[1]' must be an object",
      "'links[2].href' is missing or blank",
      "'links[3].text' must be a string",
      "'images[0].src' is missing or blank",
      "'images[1]' must be an object",
    ]);
    expect(expectErrors(adaptEventsV2(trigger({ links: {}, images: 'x' })))).toEqual([
      "'links' must be an array",
      "'images' must be an array",
    ]);
  });

  it('collects problems from every part of the body at once', () => {
    const body = { routing_key: 5, event_action: 'trigger', payload: { severity: 'bad' }, links: 'x' };
    expect(expectErrors(adaptEventsV2(body))).toEqual([
      "'routing_key' must be a string",
      "'payload.summary' is missing or blank",
      "'payload.source' is missing or blank",
      "'payload.severity' is invalid (must be one of the following: 'critical', 'warning', 'error' or 'info')",
      "'links' must be an array",
    ]);
  });
});

describe('adaptEventsV2 normalisation', () => {
  it('leaves the dedup key to the caller when a trigger has none or a blank one', () => {
    expect(expectEvent(adaptEventsV2(trigger())).dedupKey).toBeNull();
    expect(expectEvent(adaptEventsV2(trigger({ dedup_key: '' }))).dedupKey).toBeNull();
    expect(expectEvent(adaptEventsV2(trigger({ dedup_key: null }))).dedupKey).toBeNull();
  });

  it('sanitises and truncates the title and the dedup key', () => {
    const body = trigger(
      { dedup_key: `a\u0000b${'k'.repeat(300)}` },
      { summary: `CPU\u0007\nhigh ${'x'.repeat(2000)}` },
    );
    const event = expectEvent(adaptEventsV2(body));
    expect(event.title.startsWith('CPU high xxx')).toBe(true);
    expect(event.title).toHaveLength(1024);
    expect(event.dedupKey?.startsWith('abkkk')).toBe(true);
    expect(event.dedupKey).toHaveLength(255);
  });

  it('keeps the optional payload fields and parses the timestamp', () => {
    const event = expectEvent(
      adaptEventsV2(
        trigger(
          {},
          {
            timestamp: '2015-07-17T08:42:58.315+0000',
            component: 'mysql',
            group: 'prod-datapipe',
            class: 'disk\nhigh',
            custom_details: { 'free space': '1%', nested: { ping: 'time=1\u0000ms\nok' } },
          },
        ),
      ),
    );
    expect(event.occurredAt?.toISOString()).toBe('2015-07-17T08:42:58.315Z');
    expect(event.details).toEqual({
      component: 'mysql',
      group: 'prod-datapipe',
      class: 'disk high',
      custom_details: { 'free space': '1%', nested: { ping: 'time=1ms\nok' } },
    });
    expect(event.source).toBe('db-1');
    expect(event.severity).toBe('warning');
  });

  it('keeps custom_details that are not objects', () => {
    expect(expectEvent(adaptEventsV2(trigger({}, { custom_details: 'plain text' }))).details.custom_details).toBe(
      'plain text',
    );
  });

  it('keeps http(s) links and images, drops other schemes, and appends the client link', () => {
    const event = expectEvent(
      adaptEventsV2(
        trigger({
          client: 'Sample Monitoring Service',
          client_url: 'https://monitoring.example.com',
          links: [
            { href: 'https://example.com/', text: 'Link text' },
            { href: 'javascript:alert(1)', text: 'evil' },
            { href: 'https://plain.example' },
          ],
          images: [
            { src: 'https://chart.example/img.png', href: 'https://example.com/', alt: 'Example text' },
            { src: 'javascript:alert(1)' },
            { src: 'https://chart.example/b.png', href: 'ftp://x' },
          ],
        }),
      ),
    );
    expect(event.links).toEqual([
      { href: 'https://example.com/', text: 'Link text' },
      { href: 'https://plain.example' },
      { href: 'https://monitoring.example.com', text: 'Sample Monitoring Service' },
    ]);
    expect(event.details.images).toEqual([
      { src: 'https://chart.example/img.png', href: 'https://example.com/', alt: 'Example text' },
      { src: 'https://chart.example/b.png' },
    ]);
    expect(event.details.client).toBe('Sample Monitoring Service');
  });

  it('names the client link generically when the client has no name, and skips unsafe client URLs', () => {
    expect(expectEvent(adaptEventsV2(trigger({ client_url: 'https://m.example' }))).links).toEqual([
      { href: 'https://m.example', text: 'Client' },
    ]);
    const unsafe = expectEvent(adaptEventsV2(trigger({ client_url: 'javascript:1' })));
    expect(unsafe.links).toEqual([]);
    expect(unsafe.details.client_url).toBe('javascript:1');
  });

  it('does not validate the payload of acknowledge and resolve events', () => {
    const event = expectEvent(
      adaptEventsV2({
        routing_key: ROUTING_KEY,
        event_action: 'acknowledge',
        dedup_key: 'srv01/HTTP',
        payload: { severity: 'nonsense', source: 5, timestamp: 'bad' },
      }),
    );
    expect(event).toEqual({
      action: 'acknowledge',
      dedupKey: 'srv01/HTTP',
      title: 'acknowledge srv01/HTTP',
      severity: 'info',
      source: null,
      details: {},
      links: [],
      occurredAt: null,
    });
  });

  it('uses a resolve payload when it is usable', () => {
    const event = expectEvent(
      adaptEventsV2({
        routing_key: ROUTING_KEY,
        event_action: 'resolve',
        dedup_key: 'k',
        payload: {
          summary: 'fixed',
          severity: 'error',
          source: 'db',
          timestamp: '2026-03-08T14:00:00Z',
          custom_details: { a: 1 },
        },
      }),
    );
    expect(event).toMatchObject({ title: 'fixed', severity: 'error', source: 'db' });
    expect(event.details).toEqual({ custom_details: { a: 1 } });
    expect(event.occurredAt?.toISOString()).toBe('2026-03-08T14:00:00.000Z');
    const notAnObject = { routing_key: ROUTING_KEY, event_action: 'resolve', dedup_key: 'k', payload: 'x' };
    expect(expectEvent(adaptEventsV2(notAnObject)).title).toBe('resolve k');
  });

  it('ignores inherited properties and keeps __proto__ keys harmless', () => {
    const body = JSON.parse(
      `{"routing_key":"${ROUTING_KEY}","event_action":"trigger","__proto__":{"dedup_key":"injected"},` +
        '"payload":{"summary":"s","source":"src","severity":"info",' +
        '"custom_details":{"__proto__":{"polluted":true},"ok":1}}}',
    );
    const event = expectEvent(adaptEventsV2(body));
    expect(event.dedupKey).toBeNull();
    expect(event.details.custom_details).toEqual({ ok: 1 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(expectErrors(adaptEventsV2(Object.create({ routing_key: ROUTING_KEY, event_action: 'trigger' })))).toEqual([
      "'routing_key' is missing or blank",
      "'event_action' is missing or blank",
    ]);
  });
});

describe('Events v2 response bodies', () => {
  it('builds the 202 body', () => {
    expect(eventsV2SuccessBody('abc')).toEqual({ status: 'success', message: 'Event processed', dedup_key: 'abc' });
  });

  it('builds the 400 body', () => {
    const errors = ["'payload.summary' is missing or blank"];
    expect(eventsV2InvalidBody(errors)).toEqual({
      status: 'invalid event',
      message: 'Event object is invalid',
      errors,
    });
  });
});
