import { pagesFixture } from './pages-fixture';

/**
 * The console's schedules and services in a real Chromium: an override, the
 * layer editor, a maintenance window.
 * Each page at 390 px (no horizontal scroll) and on a desktop, axe-core in
 * light and dark mode (no serious or critical violation), and a screenshot of
 * each viewport under test-output/console/ (pages-fixture.ts).
 */
describe('web console: schedules and services', () => {
  const f = pagesFixture();
  const { h, ids, audit, checked } = f;

  it('schedule: an override created on the page changes /api/v1/oncall', async () => {
    const onCall = async () => (await h.t.api().get('/api/v1/oncall').expect(200)).body.items.filter((o: { escalationPolicyId: string; level: number }) => o.escalationPolicyId === ids.policy && o.level === 0);
    expect((await onCall()).map((o: { userId: string }) => o.userId)).toEqual([ids.alice]);
    await f.admin.goto(`/schedules/${ids.schedule}`);
    await f.admin.getByRole('heading', { name: 'Create an override' }).waitFor();
    await f.admin.getByLabel('Who is on call').selectOption({ label: 'Bob Okafor' });
    await f.admin.getByRole('button', { name: 'Create override' }).click();
    await f.admin.locator('#overrides ~ ul li', { hasText: 'Bob Okafor' }).waitFor();
    expect((await onCall()).map((o: { userId: string }) => o.userId)).toEqual([ids.bob]);
    await f.admin.getByLabel('UTC').check();
    await f.admin.getByLabel('Month').check();
    await f.admin.getByRole('list', { name: 'Month calendar' }).waitFor();
    await audit('schedule', `/schedules/${ids.schedule}`, (p) => p.getByRole('list', { name: 'Week calendar' }).waitFor());
    await audit('schedules', '/schedules', (p) => p.getByRole('link', { name: 'Database rota' }).waitFor());
  });

  it('schedule: the layer editor saves a change shown in its preview', async () => {
    await f.admin.goto(`/schedules/${ids.rota}`);
    await f.admin.getByRole('button', { name: 'Edit layers' }).click();
    const first = f.admin.getByRole('list', { name: 'Preview of shifts' }).locator('li').first();
    const before = await first.innerText();
    const [now, other] = before.includes('Alice Chen') ? ['Alice Chen', 'Bob Okafor'] : ['Bob Okafor', 'Alice Chen'];
    // Swap the two people: the preview's current shift goes to the other one before anything is saved.
    await f.admin.getByRole('button', { name: `Move Bob Okafor up in Primary` }).click();
    await first.filter({ hasText: other }).waitFor();
    expect(await first.innerText()).not.toContain(now);
    await f.admin.getByRole('button', { name: 'Save layers' }).click();
    await f.admin.getByRole('button', { name: 'Edit layers' }).waitFor();
    const saved = (await h.t.api().get(`/api/v1/schedules/${ids.rota}`).expect(200)).body;
    expect(saved.layers[0].users).toEqual([ids.bob, ids.alice]);
    const shifts = (await h.t.api().get(`/api/v1/schedules/${ids.rota}/shifts`).expect(200)).body.shifts;
    expect(shifts[0].userName).toBe(other);
  });

  it('services: a maintenance window started and ended; integration URLs to copy', async () => {
    await f.admin.goto('/services');
    const name = (await h.t.api().get(`/api/v1/services/${ids.serviceId}`).expect(200)).body.name as string;
    await f.admin.getByRole('button', { name: `Copy the events-v2 URL of ${name}` }).waitFor();
    await f.admin.getByRole('button', { name: `Start maintenance of ${name}` }).click();
    await f.admin.getByRole('button', { name: `End now: maintenance of ${name}` }).waitFor();
    const windows = async () => (await h.t.api().get('/api/v1/maintenance-windows').expect(200)).body.items as Array<{ state: string; serviceIds: string[] }>;
    expect((await windows()).filter((w) => w.serviceIds.includes(ids.serviceId)).map((w) => w.state)).toEqual(['active']);
    await audit('services-maintenance', '/services', (p) => p.getByRole('heading', { name }).waitFor());
    await f.admin.getByRole('button', { name: `End now: maintenance of ${name}` }).click();
    await f.admin.getByRole('button', { name: `Start maintenance of ${name}` }).waitFor();
    expect((await windows()).filter((w) => w.serviceIds.includes(ids.serviceId)).map((w) => w.state)).toEqual(['ended']);
    await audit('services', '/services', (p) => p.getByRole('heading', { name }).waitFor());
    expect(checked).toEqual(expect.arrayContaining(['schedule', 'schedules', 'services-maintenance', 'services']));
  });
});
