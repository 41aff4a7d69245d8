import { databaseOptions, POOL_IDLE_MS } from './database-options';

describe('databaseOptions', () => {
  it('keeps idle pool connections through a quiet spell (minutes, not pg\'s 10 s), with TCP keep-alive', () => {
    const { extra } = databaseOptions('postgres://klaxon@127.0.0.1:5432/klaxon', 7) as { extra: Record<string, unknown> };
    expect(extra).toMatchObject({ max: 7, idleTimeoutMillis: POOL_IDLE_MS, keepAlive: true });
    expect(POOL_IDLE_MS).toBeGreaterThanOrEqual(60_000);
  });
});
