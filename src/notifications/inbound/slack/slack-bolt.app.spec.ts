import type { WebClient } from '@slack/web-api';
import { singleBotAuthorize } from './slack-bolt.app';

const source = { teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false };
const body = undefined;

function clientAnswering(...answers: Array<() => Promise<unknown>>): { client: WebClient; calls: () => number } {
  let calls = 0;
  const test = () => {
    const answer = answers[calls++];
    if (!answer) throw new Error('auth.test called more often than expected');
    return answer();
  };
  return { client: { auth: { test } } as unknown as WebClient, calls: () => calls };
}

describe('singleBotAuthorize', () => {
  it('asks auth.test once, shared by concurrent first requests, and keeps the ids', async () => {
    const { client, calls } = clientAnswering(() => Promise.resolve({ ok: true, bot_id: 'B1', user_id: 'U1', team_id: 'T1' }));
    const authorize = singleBotAuthorize('xoxb-1', client);
    const results = await Promise.all(Array.from({ length: 5 }, () => authorize(source, body)));
    await authorize(source, body);
    expect(calls()).toBe(1);
    expect(results[0]).toEqual({ botToken: 'xoxb-1', botId: 'B1', botUserId: 'U1', teamId: 'T1' });
  });

  it('does not keep a failure: the next request asks again', async () => {
    const { client, calls } = clientAnswering(
      () => Promise.reject(new Error('slack down')),
      () => Promise.resolve({ ok: true, bot_id: 'B1', user_id: 'U1', team_id: 'T1' }),
    );
    const authorize = singleBotAuthorize('xoxb-1', client);
    await expect(authorize(source, body)).rejects.toThrow('slack down');
    await expect(authorize(source, body)).resolves.toMatchObject({ botId: 'B1' });
    await authorize(source, body);
    expect(calls()).toBe(2);
  });
});
