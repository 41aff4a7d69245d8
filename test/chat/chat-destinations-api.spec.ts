import { createPolicy, createUser } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';

const TEAMS_URL = 'https://prod-42.westeurope.logic.azure.com/workflows/0a1b2c/triggers/manual/paths/invoke?api-version=2016-06-01&sig=SECRETSIG';
const MATTERMOST_URL = 'https://chat.example.com/hooks/SECRETHOOK';

describe('chat destinations API', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const create = (body: object) => t.api().post('/api/v1/chat-destinations', body);
  const fieldsOf = (res: { body: { errors?: { field: string }[] } }) => (res.body.errors ?? []).map((e) => e.field);

  it.each<{ name: string; body: object; field: string }>([
    { name: 'a Teams destination without its URL', body: { name: 'Ops', type: 'teams' }, field: 'url' },
    { name: 'a Mattermost destination with a channel id', body: { name: 'Ops', type: 'mattermost', url: MATTERMOST_URL, channelId: 'C0123' }, field: 'channelId' },
    { name: 'a Slack channel with a URL', body: { name: 'Ops', type: 'slack-channel', channelId: 'C0123', url: MATTERMOST_URL }, field: 'url' },
    { name: 'a Slack channel without its id', body: { name: 'Ops', type: 'slack-channel' }, field: 'channelId' },
    { name: 'a channel name instead of an id', body: { name: 'Ops', type: 'slack-channel', channelId: '#ops' }, field: 'channelId' },
    { name: 'a URL that is not http(s)', body: { name: 'Ops', type: 'teams', url: 'ftp://files.example.com/hook' }, field: 'url' },
    { name: 'a URL that is not a URL', body: { name: 'Ops', type: 'teams', url: 'not a url' }, field: 'url' },
    { name: 'an unknown type', body: { name: 'Ops', type: 'discord', url: MATTERMOST_URL }, field: 'type' },
    { name: 'no name', body: { type: 'teams', url: TEAMS_URL }, field: 'name' },
    { name: 'a URL at a loopback address', body: { name: 'Ops', type: 'teams', url: 'http://127.1/hooks/x' }, field: 'url' },
    { name: 'a URL at the metadata address', body: { name: 'Ops', type: 'mattermost', url: 'http://169.254.169.254/hooks/x' }, field: 'url' },
    { name: 'a URL at a private address in hex', body: { name: 'Ops', type: 'mattermost', url: 'http://0x0a000001/hooks/x' }, field: 'url' },
    { name: 'enabled that is not a boolean', body: { name: 'Ops', type: 'teams', url: TEAMS_URL, enabled: 'yes' }, field: 'enabled' },
  ])('refuses $name with a 400 naming the field, and stores nothing', async ({ body, field }) => {
    const before = (await t.api().get('/api/v1/chat-destinations?limit=200').expect(200)).body.items.length;
    const res = await create(body).expect(400);
    expect(fieldsOf(res)).toContain(field);
    expect((await t.api().get('/api/v1/chat-destinations?limit=200').expect(200)).body.items).toHaveLength(before);
  });

  it('creates, reads, changes and deletes a destination; a type change must bring its own field', async () => {
    const created = (await create({ name: ' Payments room ', type: 'teams', url: TEAMS_URL }).expect(201)).body;
    expect(created).toMatchObject({ name: 'Payments room', type: 'teams', url: TEAMS_URL, channelId: null, enabled: true });
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);

    const patched = (await t.api().patch(`/api/v1/chat-destinations/${created.id}`, { enabled: false }).expect(200)).body;
    expect(patched).toMatchObject({ enabled: false, url: TEAMS_URL });

    const noChannel = await t.api().patch(`/api/v1/chat-destinations/${created.id}`, { type: 'slack-channel' }).expect(400);
    expect(fieldsOf(noChannel)).toEqual(['channelId', 'url']);
    const moved = (await t.api().patch(`/api/v1/chat-destinations/${created.id}`, { type: 'slack-channel', channelId: 'C0PAYMENTS', url: null }).expect(200)).body;
    expect(moved).toMatchObject({ type: 'slack-channel', channelId: 'C0PAYMENTS', url: null });

    await t.api().delete(`/api/v1/chat-destinations/${created.id}`).expect(204);
    await t.api().get(`/api/v1/chat-destinations/${created.id}`).expect(404);
    await t.api().delete(`/api/v1/chat-destinations/${created.id}`).expect(404);
  });

  it('lets read-only keys read, masks the webhook URL for them, and refuses their writes', async () => {
    const created = (await create({ name: 'Masked', type: 'mattermost', url: MATTERMOST_URL }).expect(201)).body;
    const asReader = (await t.api('readOnly').get(`/api/v1/chat-destinations/${created.id}`).expect(200)).body;
    expect(asReader.url).toBe('https://chat.example.com/•••');
    const listed = (await t.api('readOnly').get('/api/v1/chat-destinations?limit=200').expect(200)).body.items;
    expect(JSON.stringify(listed)).not.toContain('SECRETHOOK');
    expect((await t.api('responder').get(`/api/v1/chat-destinations/${created.id}`).expect(200)).body.url).toBe(MATTERMOST_URL);
    await t.api('readOnly').post('/api/v1/chat-destinations', { name: 'x', type: 'teams', url: TEAMS_URL }).expect(403);
    await t.api('responder').delete(`/api/v1/chat-destinations/${created.id}`).expect(403);
  });

  it('audits every change with the webhook URL reduced to its scheme and host', async () => {
    const created = (await create({ name: 'Audited', type: 'teams', url: TEAMS_URL }).expect(201)).body;
    const audit = (await t.api().get(`/api/v1/audit-log?resourceType=chat-destination&resourceId=${created.id}`).expect(200)).body.items;
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', requestBody: { name: 'Audited', type: 'teams', url: 'https://prod-42.westeurope.logic.azure.com/***' } });
    expect(JSON.stringify(audit)).not.toContain('SECRETSIG');
  });

  it('is a policy target: unknown ids are refused, disabled ones warned about, and a targeted one cannot be deleted', async () => {
    const room = (await create({ name: 'Ops room', type: 'mattermost', url: MATTERMOST_URL }).expect(201)).body;
    const unknown = await t
      .api()
      .post('/api/v1/escalation-policies', { name: 'Unknown room', repeat: 0, levels: [{ delayMinutes: 5, targets: [{ type: 'chat', id: '00000000-0000-4000-8000-000000000000' }] }] })
      .expect(400);
    expect(fieldsOf(unknown)).toEqual(['levels.0.targets.0.id']);

    const ada = await createUser(t, { name: 'Ada' }, [{ type: 'email', address: 'ada@example.test' }]);
    const policy = await createPolicy(t, [{ delayMinutes: 5, targets: [{ type: 'user', id: ada.id }, { type: 'chat', id: room.id }] }]);
    expect(policy.warnings).toEqual([]);
    await t.api().patch(`/api/v1/chat-destinations/${room.id}`, { enabled: false }).expect(200);
    const warned = (await t.api().get(`/api/v1/escalation-policies/${policy.id}`).expect(200)).body.warnings;
    expect(warned).toEqual([
      { code: 'chat-destination-disabled', level: 0, target: { type: 'chat', id: room.id }, message: `Level 1: chat destination "Ops room" (${room.id}) is disabled` },
    ]);

    const refused = await t.api().delete(`/api/v1/chat-destinations/${room.id}`).expect(409);
    expect(refused.body.message).toContain(`escalation-policy "`);
    expect(refused.body.references).toEqual([{ kind: 'escalation-policy', id: policy.id, name: expect.any(String) }]);

    const full = (await t.api().get(`/api/v1/escalation-policies/${policy.id}`).expect(200)).body;
    await t.api().put(`/api/v1/escalation-policies/${policy.id}`, { name: full.name, repeat: 0, levels: [{ delayMinutes: 5, targets: [{ type: 'user', id: ada.id }] }] }).expect(200);
    await t.api().delete(`/api/v1/chat-destinations/${room.id}`).expect(204);
  });
});
