import type { LoggerService } from '@nestjs/common';
import { keyPrefix, redactUrl, withFrameworkAtDebug } from './logging';

describe('keyPrefix', () => {
  it('keeps at most 6 characters, and at most a quarter of the key', () => {
    expect(keyPrefix('R0123456789abcdef0123456789abcdef')).toBe('R01234…');
    expect(keyPrefix('abcdefgh')).toBe('ab…');
    expect(keyPrefix('abc')).toBe('…');
  });

  it('is null for a missing or non-string key', () => {
    expect(keyPrefix(undefined)).toBeNull();
    expect(keyPrefix('')).toBeNull();
    expect(keyPrefix(42)).toBeNull();
  });
});

describe('withFrameworkAtDebug', () => {
  const calls: [string, unknown[]][] = [];
  const record = (level: string) => (...args: unknown[]) => void calls.push([level, args]);
  const inner: LoggerService = { log: record('log'), warn: record('warn'), error: record('error'), debug: record('debug') };
  beforeEach(() => (calls.length = 0));

  it("writes Nest's route mapping and module lines at debug", () => {
    const logger = withFrameworkAtDebug(inner);
    logger.log('Mapped {/api/v1/users, GET} route', 'RouterExplorer');
    logger.log('UsersModule dependencies initialized', 'InstanceLoader');
    expect(calls.map(([level]) => level)).toEqual(['debug', 'debug']);
  });

  it("passes Klaxon's own lines through", () => {
    const logger = withFrameworkAtDebug(inner);
    logger.log({ incident: 1 }, 'incident opened', 'IncidentsRepository');
    logger.warn({ status: 404 }, 'webhook refused', 'Ingest');
    logger.log('no context');
    expect(calls).toEqual([
      ['log', [{ incident: 1 }, 'incident opened', 'IncidentsRepository']],
      ['warn', [{ status: 404 }, 'webhook refused', 'Ingest']],
      ['log', ['no context']],
    ]);
  });
});

describe('redactUrl', () => {
  it.each([
    ['/auth/oidc/callback?code=abc&state=def&iss=x', '/auth/oidc/callback?code=***&state=***&iss=x'],
    ['/api/v1/schedules/1/ical?token=secret', '/api/v1/schedules/1/ical?token=***'],
    ['/i/AAAA', '/i/***'],
    ['/incidents/42', '/incidents/42'],
  ])('%s -> %s', (url, want) => {
    expect(redactUrl(url)).toBe(want);
  });
});
