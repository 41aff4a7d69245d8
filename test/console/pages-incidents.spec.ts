import { pagesFixture } from './pages-fixture';

/**
 * The console's incident list, an incident, on call now and the policies in a
 * real Chromium: each page's main action.
 * Each page at 390 px (no horizontal scroll) and on a desktop, axe-core in
 * light and dark mode (no serious or critical violation), and a screenshot of
 * each viewport under test-output/console/ (pages-fixture.ts).
 */
describe('web console: incidents, on call and policies', () => {
  const f = pagesFixture();
  const { h, audit, trigger, checked } = f;

  it('incidents: select several and acknowledge them together', async () => {
    const a = await trigger('bulk-a', 'Checkout latency high');
    const b = await trigger('bulk-b', 'Checkout error rate high');
    await f.admin.goto('/incidents');
    await f.admin.getByLabel(`Select #${a.number}`).check();
    await f.admin.getByLabel(`Select #${b.number}`).check();
    await f.admin.getByRole('button', { name: 'Acknowledge 2 selected' }).click();
    await f.admin.locator(`li[data-number="${b.number}"] .badge`, { hasText: 'acknowledged' }).waitFor();
    for (const i of [a, b]) expect((await h.t.api().get(`/api/v1/incidents/${i.id}`).expect(200)).body.status).toBe('acknowledged');
    await trigger('open-one', 'Payment provider timeouts');
    await audit('incidents', '/incidents', (p) => p.locator('li.incident').first().waitFor());
  });

  it('incident: adds a note; shows who is paged and what happens next', async () => {
    const i = await trigger('note-1', 'Queue backlog growing');
    await f.admin.goto(`/incidents/${i.number}`);
    await f.admin.getByRole('heading', { name: 'Paged now' }).waitFor();
    await f.admin.getByText('Level 1: Platform primary (schedule) — Alice Chen').waitFor();
    await f.admin.getByLabel('Add a note').fill('Looking at the consumers');
    await f.admin.getByRole('button', { name: 'Add note' }).click();
    // The note is listed once the server has it (the page reloads the incident after the POST).
    await f.admin.locator('section[aria-labelledby="notes"] li', { hasText: 'Looking at the consumers' }).waitFor();
    let notes = '';
    for (const deadline = Date.now() + 10_000; !notes.includes('Looking at the consumers') && Date.now() < deadline; ) {
      notes = JSON.stringify((await h.t.api().get(`/api/v1/incidents/${i.id}/notes`).expect(200)).body);
      if (!notes.includes('Looking at the consumers')) await new Promise((r) => setTimeout(r, 50));
    }
    expect(notes).toContain('Looking at the consumers');
    await audit('incident', `/incidents/${i.number}`, (p) => p.getByRole('heading', { name: 'Timeline' }).waitFor());
  });

  it('on call now: every schedule and policy level with who is on call', async () => {
    await f.admin.goto('/oncall');
    await f.admin.getByRole('heading', { name: 'On call now' }).waitFor();
    await f.admin.locator('li', { hasText: 'Platform primary' }).getByText('Alice Chen').first().waitFor();
    // An admin API-key session belongs to no person: no "Me", no "mine".
    expect(await f.admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Me' }).count()).toBe(0);
    await audit('oncall', '/oncall', (p) => p.getByRole('heading', { name: 'Escalation policies' }).waitFor());
  });

  it('policies: levels, targets and delays, warnings first', async () => {
    await f.admin.goto('/policies');
    await f.admin.getByRole('alert').filter({ hasText: 'warnings' }).waitFor();
    await f.admin.getByText('Platform primary (schedule)').waitFor();
    await audit('policies', '/policies', (p) => p.getByRole('heading', { name: 'Escalation policies' }).waitFor());
    expect(checked).toEqual(expect.arrayContaining(['incidents', 'incident', 'oncall', 'policies']));
  });
});
