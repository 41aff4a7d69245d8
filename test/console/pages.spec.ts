import { Page } from 'playwright-core';
import { usePagesWorld } from './pages-world';

/**
 * Every page of the console in a real Chromium, but the Me and sign-in pages
 * (pages-people.spec.ts): its main action, then the page at 390 px (no
 * horizontal scroll) and on a desktop, axe-core in light and dark mode (no
 * serious or critical violation), and a screenshot of each viewport under
 * test-output/console/ (pages-world.ts).
 */
describe('web console: every page', () => {
  const w = usePagesWorld();
  const { h, ids, checked, audit, trigger } = w;
  let admin: Page;
  beforeAll(() => {
    admin = w.admin;
  });

  it('incidents: select several and acknowledge them together', async () => {
    const a = await trigger('bulk-a', 'Checkout latency high');
    const b = await trigger('bulk-b', 'Checkout error rate high');
    await admin.goto('/incidents');
    await admin.getByLabel(`Select #${a.number}`).check();
    await admin.getByLabel(`Select #${b.number}`).check();
    await admin.getByRole('button', { name: 'Acknowledge 2 selected' }).click();
    await admin.locator(`li[data-number="${b.number}"] .badge`, { hasText: 'acknowledged' }).waitFor();
    for (const i of [a, b]) expect((await h.t.api().get(`/api/v1/incidents/${i.id}`).expect(200)).body.status).toBe('acknowledged');
    await trigger('open-one', 'Payment provider timeouts');
    await audit('incidents', '/incidents', (p) => p.locator('li.incident').first().waitFor());
  });

  it('incident: adds a note; shows who is paged and what happens next', async () => {
    const i = await trigger('note-1', 'Queue backlog growing');
    await admin.goto(`/incidents/${i.number}`);
    await admin.getByRole('heading', { name: 'Paged now' }).waitFor();
    await admin.getByText('Level 1: Platform primary (schedule) — Alice Chen').waitFor();
    await admin.getByLabel('Add a note').fill('Looking at the consumers');
    await admin.getByRole('button', { name: 'Add note' }).click();
    // The note is listed once the server has it (the page reloads the incident after the POST).
    await admin.locator('section[aria-labelledby="notes"] li', { hasText: 'Looking at the consumers' }).waitFor();
    let notes = '';
    for (const deadline = Date.now() + 10_000; !notes.includes('Looking at the consumers') && Date.now() < deadline; ) {
      notes = JSON.stringify((await h.t.api().get(`/api/v1/incidents/${i.id}/notes`).expect(200)).body);
      if (!notes.includes('Looking at the consumers')) await new Promise((r) => setTimeout(r, 50));
    }
    expect(notes).toContain('Looking at the consumers');
    await audit('incident', `/incidents/${i.number}`, (p) => p.getByRole('heading', { name: 'Timeline' }).waitFor());
  });

  it('on call now: every schedule and policy level with who is on call', async () => {
    await admin.goto('/oncall');
    await admin.getByRole('heading', { name: 'On call now' }).waitFor();
    await admin.locator('li', { hasText: 'Platform primary' }).getByText('Alice Chen').first().waitFor();
    // An admin API-key session belongs to no person: no "Me", no "mine".
    expect(await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Me' }).count()).toBe(0);
    await audit('oncall', '/oncall', (p) => p.getByRole('heading', { name: 'Escalation policies' }).waitFor());
  });

  it('schedule: an override created on the page changes /api/v1/oncall', async () => {
    const onCall = async () => (await h.t.api().get('/api/v1/oncall').expect(200)).body.items.filter((o: { escalationPolicyId: string; level: number }) => o.escalationPolicyId === ids.policy && o.level === 0);
    expect((await onCall()).map((o: { userId: string }) => o.userId)).toEqual([ids.alice]);
    await admin.goto(`/schedules/${ids.schedule}`);
    await admin.getByRole('heading', { name: 'Create an override' }).waitFor();
    await admin.getByLabel('Who is on call').selectOption({ label: 'Bob Okafor' });
    await admin.getByRole('button', { name: 'Create override' }).click();
    await admin.locator('#overrides ~ ul li', { hasText: 'Bob Okafor' }).waitFor();
    expect((await onCall()).map((o: { userId: string }) => o.userId)).toEqual([ids.bob]);
    await admin.getByLabel('UTC').check();
    await admin.getByLabel('Month').check();
    await admin.getByRole('list', { name: 'Month calendar' }).waitFor();
    await audit('schedule', `/schedules/${ids.schedule}`, (p) => p.getByRole('list', { name: 'Week calendar' }).waitFor());
    await audit('schedules', '/schedules', (p) => p.getByRole('link', { name: 'Database rota' }).waitFor());
  });

  it('schedule: the layer editor saves a change shown in its preview', async () => {
    await admin.goto(`/schedules/${ids.rota}`);
    await admin.getByRole('button', { name: 'Edit layers' }).click();
    const first = admin.getByRole('list', { name: 'Preview of shifts' }).locator('li').first();
    const before = await first.innerText();
    const [now, other] = before.includes('Alice Chen') ? ['Alice Chen', 'Bob Okafor'] : ['Bob Okafor', 'Alice Chen'];
    // Swap the two people: the preview's current shift goes to the other one before anything is saved.
    await admin.getByRole('button', { name: `Move Bob Okafor up in Primary` }).click();
    await first.filter({ hasText: other }).waitFor();
    expect(await first.innerText()).not.toContain(now);
    await admin.getByRole('button', { name: 'Save layers' }).click();
    await admin.getByRole('button', { name: 'Edit layers' }).waitFor();
    const saved = (await h.t.api().get(`/api/v1/schedules/${ids.rota}`).expect(200)).body;
    expect(saved.layers[0].users).toEqual([ids.bob, ids.alice]);
    const shifts = (await h.t.api().get(`/api/v1/schedules/${ids.rota}/shifts`).expect(200)).body.shifts;
    expect(shifts[0].userName).toBe(other);
  });

  it('policies: levels, targets and delays, warnings first', async () => {
    await admin.goto('/policies');
    await admin.getByRole('alert').filter({ hasText: 'warnings' }).waitFor();
    await admin.getByText('Platform primary (schedule)').waitFor();
    await audit('policies', '/policies', (p) => p.getByRole('heading', { name: 'Escalation policies' }).waitFor());
  });

  it('services: a maintenance window started and ended; integration URLs to copy', async () => {
    await admin.goto('/services');
    const name = (await h.t.api().get(`/api/v1/services/${ids.serviceId}`).expect(200)).body.name as string;
    await admin.getByRole('button', { name: `Copy the events-v2 URL of ${name}` }).waitFor();
    await admin.getByRole('button', { name: `Start maintenance of ${name}` }).click();
    await admin.getByRole('button', { name: `End now: maintenance of ${name}` }).waitFor();
    const windows = async () => (await h.t.api().get('/api/v1/maintenance-windows').expect(200)).body.items as Array<{ state: string; serviceIds: string[] }>;
    expect((await windows()).filter((w) => w.serviceIds.includes(ids.serviceId)).map((w) => w.state)).toEqual(['active']);
    await audit('services-maintenance', '/services', (p) => p.getByRole('heading', { name }).waitFor());
    await admin.getByRole('button', { name: `End now: maintenance of ${name}` }).click();
    await admin.getByRole('button', { name: `Start maintenance of ${name}` }).waitFor();
    expect((await windows()).filter((w) => w.serviceIds.includes(ids.serviceId)).map((w) => w.state)).toEqual(['ended']);
    await audit('services', '/services', (p) => p.getByRole('heading', { name }).waitFor());
    expect(checked).toEqual(['incidents', 'incident', 'oncall', 'schedule', 'schedules', 'policies', 'services-maintenance', 'services']);
  });
});
