import { WorkerService } from '../../src/worker/worker.service';
import { FakeMattermostServer, FakeTeamsServer } from '../fakes/fake-chat-webhooks.server';
import { MappedResolver } from '../fakes/mapped-resolver';
import { createPolicy, createServiceWithEventsV2, trigger } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * Teams and Mattermost URLs leave Klaxon through the one OutboundSender, on
 * the resolver the app is given (here the test's, as for outgoing webhooks):
 * the check when a destination is saved and every page both ask it, so a
 * public-looking name can point at the fake receivers on 127.0.0.1.
 */
describe('chat destinations through the injected resolver', () => {
  const teams = new FakeTeamsServer();
  const mattermost = new FakeMattermostServer();

  beforeAll(() => Promise.all([teams.start(), mattermost.start()]));
  afterAll(() => Promise.all([teams.stop(), mattermost.stop()]));

  /** A hook of the fake's, reached by `hostname` instead of 127.0.0.1. */
  const hookAt = (server: FakeTeamsServer | FakeMattermostServer, hostname: string) => {
    const url = new URL(server.hookUrl());
    url.hostname = hostname;
    return url.toString();
  };

  /** Saves a room of `type` at `url`; returns its id. */
  async function saveRoom(t: TestApp, type: 'teams' | 'mattermost', url: string): Promise<string> {
    return (await t.api().post('/api/v1/chat-destinations', { name: `Room ${type}`, type, url }).expect(201)).body.id;
  }

  /** Pages the room from a one-level policy and drains the worker; returns the incident's pages. */
  async function pageRoom(t: TestApp, roomId: string, key: string) {
    const policy = await createPolicy(t, [{ delayMinutes: 30, targets: [{ type: 'chat', id: roomId }] }]);
    const service = await createServiceWithEventsV2(t, policy.id);
    const incident = await trigger(t, service.routingKey, key);
    await t.get(WorkerService).drain();
    return (await t.api().get(`/api/v1/incidents/${incident.id}/notifications`).expect(200)).body.items as { channel: string; state: string; reason: string | null }[];
  }

  describe('with private addresses refused (the default)', () => {
    const resolver = new MappedResolver();
    let t: TestApp;

    beforeAll(async () => {
      t = await createTestApp({ override: resolver.override() });
    });
    afterAll(() => t.close());

    it('refuses at save a name that resolves to a loopback address', async () => {
      resolver.names.set('teams.example.com', '127.0.0.1');
      const res = await t.api().post('/api/v1/chat-destinations', { name: 'Ops', type: 'teams', url: hookAt(teams, 'teams.example.com') }).expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'url', message: expect.stringContaining('resolves to a loopback address (127.0.0.1)') })]);
      expect(resolver.asked).toContain('teams.example.com');
    });

    it('checks again at each page: a name that now resolves to the receiver on 127.0.0.1 fails the page and nothing is sent', async () => {
      resolver.names.set('rebind.example.com', '93.184.216.34');
      const roomId = await saveRoom(t, 'mattermost', hookAt(mattermost, 'rebind.example.com'));
      resolver.names.set('rebind.example.com', '127.0.0.1');
      resolver.asked.length = 0;
      const [page] = await pageRoom(t, roomId, 'rebind-1');
      expect(resolver.asked).toEqual(['rebind.example.com']);
      expect(mattermost.requests).toEqual([]);
      expect(page).toMatchObject({ channel: 'mattermost', state: 'failed' });
      expect(page.reason).toContain('refused: rebind.example.com resolves to a loopback address (127.0.0.1)');
    });
  });

  describe('with KLAXON_WEBHOOK_ALLOW_PRIVATE=true', () => {
    const resolver = new MappedResolver();
    let t: TestApp;

    beforeAll(async () => {
      t = await createTestApp({ env: { KLAXON_WEBHOOK_ALLOW_PRIVATE: 'true' }, override: resolver.override() });
    });
    afterAll(() => t.close());

    it.each([
      ['teams', teams, 'teams.example.com'],
      ['mattermost', mattermost, 'mattermost.example.com'],
    ] as const)('pages a %s room at a public-looking name the resolver maps to the fake receiver', async (type, server, hostname) => {
      resolver.names.set(hostname, '127.0.0.1');
      resolver.asked.length = 0;
      const roomId = await saveRoom(t, type, hookAt(server, hostname));
      const pages = await pageRoom(t, roomId, `mapped-${type}`);
      expect(pages).toEqual([expect.objectContaining({ channel: type, state: 'sent' })]);
      expect(server.requests).toHaveLength(1);
      expect(resolver.asked).toEqual([hostname]);
    });
  });
});
