import { createPolicy, createSchedule, createService, createTeam, createUser, layerBody } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';
import { rowCounts } from './security-world';

/**
 * Names end up in iCal (`X-WR-CALNAME`, `SUMMARY`), email subjects, SMS and
 * Slack text: a line break in one is a header injection waiting for a renderer
 * that forgets to escape. Every name field refuses control characters (C0, DEL,
 * C1) with a 400 naming the field; everything else in Unicode is welcome.
 */
const CONTROL_NAMES: [string, string][] = [
  ['CR LF and an iCal property', 'Sched\r\nX-INJ:1\nBEGIN:VALARM'],
  ['a line feed', 'Primary\n'],
  ['a tab', 'Pri\tmary'],
  ['an ANSI escape', '\u001b[31mred'],
  ['DEL', 'Primary\u007f'],
  ['NEL (C1)', 'Primary\u0085'],
  ['a C1 control', '\u009bPrimary'],
];

interface NameRoute {
  route: string;
  field: string;
  send: (t: TestApp, name: string) => Promise<{ status: number; body: any }>;
}

describe('control characters in names (real PostgreSQL)', () => {
  let t: TestApp;
  let routes: NameRoute[];
  beforeAll(async () => {
    t = await createTestApp();
    const user = await createUser(t);
    const team = await createTeam(t, [user.id]);
    const schedule = await createSchedule(t, { layers: [layerBody([user.id])] });
    const policy = await createPolicy(t, [{ delayMinutes: 5, targets: [{ type: 'user', id: user.id }] }]);
    const service = await createService(t, { escalationPolicyId: policy.id });
    const levels = [{ delayMinutes: 5, targets: [{ type: 'user', id: user.id }] }];
    let n = 0;
    const email = () => `ctl-${++n}@example.com`;
    routes = [
      { route: 'POST /users', field: 'name', send: (t, name) => t.api().post('/api/v1/users', { name, email: email() }) },
      { route: 'PATCH /users/{id}', field: 'name', send: (t, name) => t.api().patch(`/api/v1/users/${user.id}`, { name }) },
      { route: 'POST /teams', field: 'name', send: (t, name) => t.api().post('/api/v1/teams', { name }) },
      { route: 'PATCH /teams/{id}', field: 'name', send: (t, name) => t.api().patch(`/api/v1/teams/${team.id}`, { name }) },
      {
        route: 'POST /schedules',
        field: 'name',
        send: (t, name) => t.api().post('/api/v1/schedules', { name, timeZone: 'UTC', layers: [layerBody([user.id])] }),
      },
      {
        route: 'PUT /schedules/{id} (layer name)',
        field: 'layers.0.name',
        send: (t, name) => t.api().put(`/api/v1/schedules/${schedule.id}`, { name: 'Fine', timeZone: 'UTC', layers: [layerBody([user.id], { name })] }),
      },
      {
        route: 'POST /escalation-policies',
        field: 'name',
        send: (t, name) => t.api().post('/api/v1/escalation-policies', { name, repeat: 0, levels }),
      },
      {
        route: 'PUT /escalation-policies/{id}',
        field: 'name',
        send: (t, name) => t.api().put(`/api/v1/escalation-policies/${policy.id}`, { name, repeat: 0, levels }),
      },
      {
        route: 'POST /services',
        field: 'name',
        send: (t, name) => t.api().post('/api/v1/services', { name, escalationPolicyId: policy.id }),
      },
      { route: 'PATCH /services/{id}', field: 'name', send: (t, name) => t.api().patch(`/api/v1/services/${service.id}`, { name }) },
      {
        route: 'POST /services/{id}/integrations',
        field: 'name',
        send: (t, name) => t.api().post(`/api/v1/services/${service.id}/integrations`, { type: 'generic', name }),
      },
      {
        route: 'POST /services/{id}/heartbeats',
        field: 'name',
        send: (t, name) => t.api().post(`/api/v1/services/${service.id}/heartbeats`, { name, intervalMinutes: 60 }),
      },
    ];
  });
  afterAll(async () => {
    await t.close();
  });

  it.each(CONTROL_NAMES)('a name with %s is a 400 naming the field on every route, and nothing changes', async (_, name) => {
    const before = await rowCounts(t);
    const names = async () => (await t.dataSource.query(`SELECT name FROM users UNION ALL SELECT name FROM teams UNION ALL SELECT name FROM schedules
      UNION ALL SELECT name FROM schedule_layers UNION ALL SELECT name FROM escalation_policies UNION ALL SELECT name FROM services`)).map(
      (r: { name: string }) => r.name,
    );
    const namesBefore = await names();
    const refused: string[] = [];
    for (const r of routes) {
      const res = await r.send(t, name);
      const fields = (res.body.errors ?? []).map((e: { field: string }) => e.field);
      if (res.status === 400 && fields.includes(r.field)) refused.push(r.route);
    }
    expect(refused).toEqual(routes.map((r) => r.route));
    expect(await rowCounts(t)).toEqual(before);
    expect(await names()).toEqual(namesBefore);
  });

  it('says what is wrong', async () => {
    const res = await t.api().post('/api/v1/teams', { name: 'A\nB' }).expect(400);
    expect(res.body.errors).toEqual([{ field: 'name', message: 'name must not contain control characters (U+0000-U+001F, U+007F-U+009F)' }]);
  });

  it('accepts any other Unicode', async () => {
    for (const r of routes) {
      const res = await r.send(t, `Zoë Ødegård — 東京 🚨 ${r.route.length}`);
      expect([r.route, res.status]).toEqual([r.route, r.route.startsWith('POST') ? 201 : 200]);
    }
  });
});
