import { createPolicy, createServiceWithEventsV2, createUser, trigger } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';
import { signInWithKey } from './console-session-helpers';

describe('GET /api/v1/incident-numbers/{number}', () => {
  let t: TestApp;
  let routingKey: string;
  beforeAll(async () => {
    t = await createTestApp();
    const user = await createUser(t);
    const policy = await createPolicy(t, [{ delayMinutes: 5, targets: [{ type: 'user', id: user.id }] }]);
    ({ routingKey } = await createServiceWithEventsV2(t, policy.id));
  });
  afterAll(() => t.close());

  it('answers the incident with that number, as GET /api/v1/incidents/{id} does', async () => {
    const incident = await trigger(t, routingKey, 'by-number-1');
    const byId = await t.api('readOnly').get(`/api/v1/incidents/${incident.id}`).expect(200);
    const byNumber = await t.api('readOnly').get(`/api/v1/incident-numbers/${incident.number}`).expect(200);
    expect(byNumber.body).toEqual(byId.body);
    const b = await signInWithKey(t);
    expect((await b.get(`/api/v1/incident-numbers/${incident.number}`).expect(200)).body.id).toBe(incident.id);
  });

  it('404 for a number no incident has; 400 naming the field for one that is not a positive integer', async () => {
    await t.api().get('/api/v1/incident-numbers/999999').expect(404);
    for (const bad of ['0', '-1', '1.5', 'abc', '1e3', '9'.repeat(20)]) {
      const res = await t.api().get(`/api/v1/incident-numbers/${bad}`).expect(400);
      expect(res.body.errors[0].field).toBe('number');
    }
    await t.http().get('/api/v1/incident-numbers/1').expect(401);
  });
});
