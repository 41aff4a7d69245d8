import { adaptGeneric, adaptGenericQuery } from './generic.adapter';
import { AdapterResult, NormalisedEvent } from './normalised-event';

function expectEvent(result: AdapterResult): NormalisedEvent {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.errors)}`);
  expect(result.events).toHaveLength(1);
  return result.events[0];
}

function expectErrors(result: AdapterResult): string[] {
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}

describe('adaptGeneric (POST JSON)', () => {
  it('turns a bare summary into an error-severity trigger without a dedup key', () => {
    expect(expectEvent(adaptGeneric({ summary: 'Nightly backup failed' }))).toEqual({
      action: 'trigger',
      dedupKey: null,
      title: 'Nightly backup failed',
      severity: 'error',
      source: null,
      details: {},
      links: [],
      occurredAt: null,
    });
  });

  it('keeps every optional field', () => {
    const event = expectEvent(
      adaptGeneric({
        summary: 'Disk\nfull',
        severity: 'warning',
        dedupKey: 'backup/db-1',
        action: 'trigger',
        details: { host: 'db-1', log: 'line1\nline2\u0000', nested: { n: 1 } },
        ignored: 'unknown fields are ignored',
      }),
    );
    expect(event).toMatchObject({
      action: 'trigger',
      dedupKey: 'backup/db-1',
      title: 'Disk full',
      severity: 'warning',
      details: { host: 'db-1', log: 'line1\nline2', nested: { n: 1 } },
    });
  });

  it.each(['acknowledge', 'resolve'] as const)('accepts %s with only a dedup key', (action) => {
    expect(expectEvent(adaptGeneric({ action, dedupKey: 'backup/db-1' }))).toMatchObject({
      action,
      dedupKey: 'backup/db-1',
      title: `${action} backup/db-1`,
      severity: 'error',
    });
  });

  it('uses the summary as the title of an acknowledge when given', () => {
    expect(expectEvent(adaptGeneric({ action: 'resolve', dedupKey: 'k', summary: 'fixed' })).title).toBe('fixed');
  });

  it('treats a blank action and severity as the defaults', () => {
    expect(expectEvent(adaptGeneric({ summary: 's', action: '', severity: ' ' }))).toMatchObject({
      action: 'trigger',
      severity: 'error',
    });
  });

  it('truncates the title and the dedup key', () => {
    const event = expectEvent(adaptGeneric({ summary: 'x'.repeat(1500), dedupKey: 'k'.repeat(400) }));
    expect(event.title).toHaveLength(1024);
    expect(event.dedupKey).toHaveLength(255);
  });

  it.each([[[]], [null], ['summary=x'], [3]])('rejects the non-object body %p', (body) => {
    expect(expectErrors(adaptGeneric(body))).toEqual(['Body must be a JSON object']);
  });

  it('requires a summary for a trigger', () => {
    expect(expectErrors(adaptGeneric({}))).toEqual(["'summary' is missing or blank"]);
    expect(expectErrors(adaptGeneric({ summary: ' \u0000 ' }))).toEqual(["'summary' is missing or blank"]);
  });

  it.each(['acknowledge', 'resolve'])('requires a dedup key for %s', (action) => {
    expect(expectErrors(adaptGeneric({ action, dedupKey: '  ' }))).toEqual(["'dedupKey' is missing or blank"]);
  });

  it('names every problem', () => {
    expect(
      expectErrors(adaptGeneric({ summary: 1, severity: 'fatal', dedupKey: [], action: 'close', details: 'x' })),
    ).toEqual([
      "'summary' must be a string",
      "'dedupKey' must be a string",
      "'details' must be an object",
      "'action' is invalid (must be one of the following: 'trigger', 'acknowledge' or 'resolve')",
      "'severity' is invalid (must be one of the following: 'critical', 'error', 'warning' or 'info')",
    ]);
    expect(expectErrors(adaptGeneric({ summary: 's', severity: 2, action: true, details: [] }))).toEqual([
      "'severity' must be a string",
      "'action' must be a string",
      "'details' must be an object",
    ]);
  });

  it('keeps __proto__ keys in details harmless', () => {
    const body = JSON.parse(
      '{"summary":"s","details":{"__proto__":{"polluted":1},"a":1},"__proto__":{"dedupKey":"x"}}',
    );
    const event = expectEvent(adaptGeneric(body));
    expect(event.details).toEqual({ a: 1 });
    expect(event.dedupKey).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('adaptGenericQuery (GET)', () => {
  it('reads the known parameters and keeps the others as details', () => {
    const event = expectEvent(
      adaptGenericQuery({
        summary: 'Cron job late',
        severity: 'critical',
        dedupKey: 'cron/1',
        host: 'web-1',
        details: 'see log',
      }),
    );
    expect(event).toEqual({
      action: 'trigger',
      dedupKey: 'cron/1',
      title: 'Cron job late',
      severity: 'critical',
      source: null,
      details: { host: 'web-1', details: 'see log' },
      links: [],
      occurredAt: null,
    });
  });

  it('resolves by key', () => {
    expect(expectEvent(adaptGenericQuery({ action: 'resolve', dedupKey: 'cron/1' })).action).toBe('resolve');
  });

  it('rejects repeated or nested parameters, naming each', () => {
    expect(expectErrors(adaptGenericQuery({ summary: ['a', 'b'], host: { x: '1' } }))).toEqual([
      "'summary' must be a single string value",
      "'host' must be a single string value",
      "'summary' is missing or blank",
    ]);
  });

  it('applies the same rules as the body', () => {
    expect(expectErrors(adaptGenericQuery({ action: 'resolve', severity: 'loud' }))).toEqual([
      "'severity' is invalid (must be one of the following: 'critical', 'error', 'warning' or 'info')",
      "'dedupKey' is missing or blank",
    ]);
  });

  it('rejects a query that is not an object and drops __proto__ parameters', () => {
    expect(expectErrors(adaptGenericQuery(null))).toEqual(['Query must be a set of parameters']);
    const query = JSON.parse('{"summary":"s","__proto__":"x"}');
    expect(expectEvent(adaptGenericQuery(query)).details).toEqual({});
  });
});
