import fc from 'fast-check';
import { loadFixture } from './fixtures/load-fixture';
import { AdapterResult, NormalisedEvent, SEVERITIES } from './normalised-event';
import {
  adaptOpsgenieAction,
  adaptOpsgenieCreate,
  describeActionFields,
  OPSGENIE_PRIORITIES,
  parseGenieKey,
  parseIdentifierType,
} from './opsgenie.adapter';

function expectEvent(result: AdapterResult): NormalisedEvent {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.errors)}`);
  expect(result.events).toHaveLength(1);
  return result.events[0];
}

function expectErrors(result: AdapterResult | ReturnType<typeof adaptOpsgenieAction>): string[] {
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}

describe('adaptOpsgenieCreate with the captured Alertmanager 0.25 request', () => {
  it('opens a warning incident (no priority: P3) titled by the message, keyed by the alias, with the labels as details', () => {
    const capture = loadFixture('alertmanager-opsgenie-create.json');
    expect(capture.path).toBe('/v2/alerts');
    expect(expectEvent(adaptOpsgenieCreate(capture.body))).toEqual({
      action: 'trigger',
      dedupKey: '17c4e445d234645c9e547ff6d32a864af0ebdadcd1902771c24c8d366637ff41',
      title: '[FIRING:1] DiskFull (db-2:9100 critical db)',
      severity: 'warning',
      source: 'http://vm:18798/#/alerts?receiver=og',
      details: {
        custom_details: { alertname: 'DiskFull', instance: 'db-2:9100', severity: 'critical', team: 'db' },
        description:
          '/var is 95% full Disk 95% full on db-2\nAlerts Firing:\nLabels:\n - alertname = DiskFull\n - instance = db-2:9100\n - severity = critical\n - team = db\nAnnotations:\n - description = /var is 95% full\n - summary = Disk 95% full on db-2\nSource: http://prometheus/graph',
        priority: 'P3',
        source: 'http://vm:18798/#/alerts?receiver=og',
      },
      links: [{ href: 'http://vm:18798/#/alerts?receiver=og', text: 'Source' }],
      occurredAt: null,
    });
  });

  it('reads the captured close body (only a source) as a valid action body', () => {
    const capture = loadFixture('alertmanager-opsgenie-close.json');
    expect(capture.path).toMatch(/^\/v2\/alerts\/[0-9a-f]{64}\/close\?identifierType=alias$/);
    expect(adaptOpsgenieAction(capture.body, { noteRequired: false })).toEqual({
      ok: true,
      fields: { user: null, source: 'http://vm:18798/#/alerts?receiver=og', note: null },
    });
  });
});

describe('adaptOpsgenieCreate', () => {
  it('needs only a message; without an alias the caller generates a key (a new incident each time)', () => {
    expect(expectEvent(adaptOpsgenieCreate({ message: 'Backup failed' }))).toEqual({
      action: 'trigger',
      dedupKey: null,
      title: 'Backup failed',
      severity: 'warning',
      source: null,
      details: { priority: 'P3' },
      links: [],
      occurredAt: null,
    });
  });

  it.each([
    ['P1', 'critical'],
    ['P2', 'error'],
    ['P3', 'warning'],
    ['P4', 'info'],
    ['P5', 'info'],
    ['p1', 'critical'],
    [null, 'warning'],
  ])('maps priority %p to %s', (priority, severity) => {
    expect(expectEvent(adaptOpsgenieCreate({ message: 'm', priority })).severity).toBe(severity);
  });

  it('keeps description, tags, entity, user, note and details; the entity is the source when no source is given', () => {
    const event = expectEvent(
      adaptOpsgenieCreate({
        message: 'CPU hot',
        alias: 'web-1/cpu',
        description: 'line 1\nline 2',
        tags: ['web', 'cpu', 'web', ' '],
        details: { host: 'web-1', load: 9.5 },
        entity: 'web-1',
        user: 'cron',
        note: 'first seen',
        responders: [{ type: 'team', name: 'web' }],
        visibleTo: [],
        priority: 'P1',
      }),
    );
    expect(event).toMatchObject({
      dedupKey: 'web-1/cpu',
      severity: 'critical',
      source: 'web-1',
      details: {
        custom_details: { host: 'web-1', load: 9.5 },
        description: 'line 1\nline 2',
        entity: 'web-1',
        tags: ['web', 'cpu'],
        priority: 'P1',
        user: 'cron',
        note: 'first seen',
      },
      links: [],
    });
  });

  it('takes a message of exactly 130 characters (code points) and refuses 131', () => {
    expect(expectEvent(adaptOpsgenieCreate({ message: '😀'.repeat(130) })).title).toBe('😀'.repeat(130));
    expect(expectErrors(adaptOpsgenieCreate({ message: 'x'.repeat(131) }))).toEqual(['Message can not be longer than 130 characters']);
  });

  it.each([[{}], [{ message: '' }], [{ message: ' \u0000 ' }], [{ message: null }]])('refuses a missing or blank message: %p', (body) => {
    expect(expectErrors(adaptOpsgenieCreate(body))).toEqual(['Message can not be empty']);
  });

  it.each([[[]], [null], ['message'], [7]])('refuses the non-object body %p', (body) => {
    expect(expectErrors(adaptOpsgenieCreate(body))).toEqual(['Body must be a JSON object']);
  });

  it('names every problem at once', () => {
    expect(
      expectErrors(
        adaptOpsgenieCreate({
          message: 42,
          alias: 'a'.repeat(256),
          description: 'd'.repeat(15_001),
          entity: ['x'],
          source: 's'.repeat(101),
          note: 1,
          priority: 'P9',
          tags: [1, 't'.repeat(51)],
          details: 'x',
          responders: 'team',
        }),
      ),
    ).toEqual([
      "'message' must be a string",
      'Alias can not be longer than 255 characters',
      'Description can not be longer than 15000 characters',
      "'entity' must be a string",
      'Source can not be longer than 100 characters',
      "'note' must be a string",
      "'priority' is invalid (must be one of the following: 'P1', 'P2', 'P3', 'P4' or 'P5')",
      "'tags[0]' must be a string",
      'Tag can not be longer than 50 characters: tags[1]',
      "'details' must be an object",
      "'responders' must be an array",
    ]);
    expect(expectErrors(adaptOpsgenieCreate({ message: 'm', tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }))).toEqual([
      'Tags can not have more than 20 items',
    ]);
  });

  it('keeps __proto__ keys out of the details', () => {
    const event = expectEvent(adaptOpsgenieCreate(JSON.parse('{"message":"m","details":{"__proto__":{"x":1},"a":"b"}}')));
    expect(event.details.custom_details).toEqual({ a: 'b' });
  });

  it('property: any valid create gives one trigger, titled by the cleaned message, with the severity of its priority', () => {
    const severityOf = { P1: 'critical', P2: 'error', P3: 'warning', P4: 'info', P5: 'info' } as const;
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 130 }).filter((m) => m.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').trim() !== ''),
        fc.option(fc.constantFrom(...OPSGENIE_PRIORITIES), { nil: undefined }),
        fc.option(fc.string({ maxLength: 255 }), { nil: undefined }),
        fc.dictionary(fc.string({ maxLength: 10 }), fc.string({ maxLength: 20 }), { maxKeys: 5 }),
        (message, priority, alias, details) => {
          const event = expectEvent(adaptOpsgenieCreate({ message, priority, alias, details }));
          expect(event.action).toBe('trigger');
          expect(event.title.length).toBeGreaterThan(0);
          expect(Array.from(event.title).length).toBeLessThanOrEqual(130);
          expect(event.title).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
          expect(event.severity).toBe(severityOf[priority ?? 'P3']);
          expect(SEVERITIES).toContain(event.severity);
          if (event.dedupKey !== null) expect(Array.from(event.dedupKey).length).toBeLessThanOrEqual(255);
          // The same body gives the same event: a resend lands on the same incident.
          expect(adaptOpsgenieCreate({ message, priority, alias, details })).toEqual({ ok: true, events: [event] });
        },
      ),
    );
  });

  it('property: any body either adapts or names at least one problem, never throws', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.dictionary(fc.constantFrom('message', 'alias', 'priority', 'tags', 'details', 'note', 'source'), fc.jsonValue()), (any, fields) => {
        for (const body of [any, fields]) {
          const result = adaptOpsgenieCreate(body);
          if (!result.ok) expect(result.errors.length).toBeGreaterThan(0);
          else expect(result.events).toHaveLength(1);
        }
      }),
    );
  });
});

describe('adaptOpsgenieAction', () => {
  it('reads user, source and note; an absent body is an empty one', () => {
    expect(adaptOpsgenieAction({ user: 'alice', source: 'cli', note: 'on it\nnow' }, { noteRequired: false })).toEqual({
      ok: true,
      fields: { user: 'alice', source: 'cli', note: 'on it\nnow' },
    });
    expect(adaptOpsgenieAction(undefined, { noteRequired: false })).toEqual({ ok: true, fields: { user: null, source: null, note: null } });
  });

  it('needs a note to add a note, and names every problem', () => {
    expect(expectErrors(adaptOpsgenieAction({}, { noteRequired: true }))).toEqual(['Note can not be empty']);
    expect(expectErrors(adaptOpsgenieAction({ user: 'u'.repeat(101), note: 5 }, { noteRequired: true }))).toEqual([
      'User can not be longer than 100 characters',
      "'note' must be a string",
    ]);
    expect(expectErrors(adaptOpsgenieAction([], { noteRequired: false }))).toEqual(['Body must be a JSON object']);
  });
});

describe('describeActionFields', () => {
  it.each([
    [{ user: null, source: null, note: null }, null],
    [{ user: null, source: 'http://am/', note: null }, 'source http://am/'],
    [{ user: 'alice', source: 'cli', note: null }, 'user alice, source cli'],
    [{ user: 'alice', source: null, note: 'on it' }, 'on it (user alice)'],
    [{ user: null, source: null, note: 'on it' }, 'on it'],
  ])('%p -> %p', (fields, text) => {
    expect(describeActionFields(fields)).toBe(text);
  });
});

describe('parseIdentifierType', () => {
  it.each([
    [undefined, 'id'],
    ['', 'id'],
    ['id', 'id'],
    ['tiny', 'tiny'],
    ['alias', 'alias'],
  ])('%p -> %s', (value, type) => {
    expect(parseIdentifierType(value)).toEqual({ ok: true, type });
  });

  it.each([['ALIAS'], ['name'], [['alias', 'id']]])('refuses %p', (value) => {
    expect(parseIdentifierType(value)).toEqual({
      ok: false,
      errors: ["'identifierType' is invalid (must be one of the following: 'id', 'tiny' or 'alias')"],
    });
  });
});

describe('parseGenieKey', () => {
  it.each([
    ['GenieKey abc123', 'abc123'],
    ['geniekey abc123', 'abc123'],
    ['GENIEKEY   abc123 ', 'abc123'],
    ['GenieKey\tabc123', 'abc123'],
  ])('%p -> %p', (header, key) => {
    expect(parseGenieKey(header)).toBe(key);
  });

  it.each([[undefined], [''], ['GenieKey'], ['GenieKey '], ['Bearer abc123'], ['abc123'], ['GenieKey a b'], [['GenieKey a']]])('refuses %p', (header) => {
    expect(parseGenieKey(header)).toBeNull();
  });

  it('property: any key without white space round-trips through the header, whatever the scheme case', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[!-~]{1,64}$/), fc.constantFrom('GenieKey', 'geniekey', 'GENIEKEY', 'gEnIeKeY'), (key, scheme) => {
        expect(parseGenieKey(`${scheme} ${key}`)).toBe(key);
      }),
    );
  });
});
