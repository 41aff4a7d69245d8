import { Page } from 'playwright-core';
import { createPolicy, createSchedule, createServiceWithEventsV2, createUser, incidentByDedupKey, layerBody, phoneNumber } from '../support/factories';
import { WorkerService } from '../../src/worker/worker.service';
import { ConsoleHarness, DESKTOP, PHONE } from './console-harness';

/**
 * Every page of the console in a real Chromium: its main action, then the page at
 * 390 px (no horizontal scroll) and on a desktop, axe-core in light and dark mode
 * (no serious or critical violation), and a screenshot of each viewport under
 * test-output/console/.
 */
describe('web console: every page', () => {
  const h = new ConsoleHarness();
  let admin: Page;
  let auditor: Page;
  const ids = {} as { alice: string; bob: string; schedule: string; rota: string; policy: string; serviceId: string; routingKey: string };
  const checked: string[] = [];

  /**
   * Width, axe and screenshots of the page at `path` once `ready` is visible, on
   * `auditor` (a signed-in page of its own) at each viewport and colour scheme.
   * The page is loaded once, on the phone in light mode; the other three are
   * that page laid out again, as a phone turned sideways or a system switching
   * to dark mode would (the console's layout and colours are CSS media queries
   * only, with no transitions).
   */
  async function audit(name: string, path: string, ready: (p: Page) => Promise<unknown>, p: Page = auditor): Promise<void> {
    await p.setViewportSize(PHONE);
    await p.emulateMedia({ colorScheme: 'light' });
    await p.goto(path);
    for (const [viewport, label] of [
      [PHONE, 'phone'],
      [DESKTOP, 'desktop'],
    ] as const) {
      await p.setViewportSize(viewport);
      for (const scheme of ['light', 'dark'] as const) {
        await p.emulateMedia({ colorScheme: scheme });
        await ready(p);
        if (label === 'phone') expect({ page: name, scheme, fits: (await h.scrollWidth(p)) <= 390 }).toEqual({ page: name, scheme, fits: true });
        expect({ page: name, scheme, viewport: label, violations: await h.axe(p) }).toEqual({ page: name, scheme, viewport: label, violations: [] });
        await h.screenshot(p, `${name}-${label}-${scheme}`);
      }
    }
    checked.push(name);
  }

  beforeAll(async () => {
    await h.start();
    const alice = await createUser(h.t, { name: 'Alice Chen', email: 'alice.chen@example.test', timeZone: 'America/New_York' }, [{ type: 'sms', address: phoneNumber() }]);
    const bob = await createUser(h.t, { name: 'Bob Okafor', timeZone: 'Europe/London' }, [{ type: 'sms', address: phoneNumber() }]);
    ids.alice = alice.id;
    ids.bob = bob.id;
    // Turns change 12 hours from now, far from the moments the tests look at.
    const start = new Date(Date.now() - 30.5 * 86_400_000).toISOString();
    ids.schedule = (await createSchedule(h.t, { name: 'Platform primary', layers: [layerBody([alice.id], { start, rotation: { unit: 'week', length: 1, handoff: start } })] })).id;
    ids.rota = (
      await createSchedule(h.t, {
        name: 'Database rota',
        timeZone: 'Europe/London',
        layers: [layerBody([alice.id, bob.id], { start, rotation: { unit: 'day', length: 1, handoff: start } })],
      })
    ).id;
    const policy = await createPolicy(h.t, [
      { delayMinutes: 10, targets: [{ type: 'schedule', id: ids.schedule }] },
      { delayMinutes: 15, targets: [] },
    ]);
    ids.policy = policy.id;
    ({ serviceId: ids.serviceId, routingKey: ids.routingKey } = await createServiceWithEventsV2(h.t, policy.id));
    admin = await h.page();
    await h.signInWithKey(admin);
    auditor = await h.page();
    await h.signInWithKey(auditor);
  });
  afterAll(() => h.stop());

  const trigger = async (dedupKey: string, summary: string) => {
    await h.t.http().post('/v2/enqueue').send({ routing_key: ids.routingKey, event_action: 'trigger', dedup_key: dedupKey, payload: { summary, source: 'web-1', severity: 'error' } }).expect(202);
    return incidentByDedupKey(h.t, dedupKey);
  };

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
  });

  it('me: a responder adds a contact method and test-pages it, a notification rule, handoff rules, the time zone', async () => {
    // Bob is a responder, not an admin: his own session changes his own settings.
    const me = await h.page();
    await h.signInAsUser(me, { id: ids.bob, name: 'Bob Okafor' }, 'responder');
    await me.goto('/me');
    await me.getByRole('heading', { name: 'Contact methods' }).waitFor();
    const phone = phoneNumber();
    await me.getByLabel('Type').selectOption('sms');
    await me.getByLabel('Address').fill(phone);
    await me.getByRole('button', { name: 'Add contact method' }).click();
    await me.getByRole('button', { name: `Test page (sms ${phone})` }).click();
    const sent = me.getByRole('status').getByRole('link');
    await sent.waitFor();
    // The engine pages Bob by his rules (the new number has an immediate rule): its SMS reaches the fake Twilio.
    await h.t.get(WorkerService).drain();
    await h.twilio.waitForMessage((m) => m.To === phone && m.Body.includes('Test page for Bob Okafor'));
    await sent.click();
    await me.getByRole('list', { name: 'Notification list' }).getByText(`by sms to ${phone}`).waitFor();

    await me.goto('/me');
    await me.getByRole('combobox', { name: /^Contact method/ }).selectOption({ label: `sms ${phone}` });
    await me.getByLabel('Minutes after the page').fill('5');
    await me.getByRole('button', { name: 'Add rule' }).click();
    await me.getByText(`After 5 min: sms ${phone}`).waitFor();
    await me.getByLabel('My time zone').selectOption('Asia/Tokyo');
    await me.getByRole('button', { name: 'Save time zone' }).click();
    await me.getByRole('button', { name: 'Save time zone' }).and(me.locator(':disabled')).waitFor();
    const bob = (await h.t.api().get(`/api/v1/users/${ids.bob}`).expect(200)).body;
    expect(bob.timeZone).toBe('Asia/Tokyo');
    expect(bob.notificationRules).toEqual(expect.arrayContaining([expect.objectContaining({ delayMinutes: 5 })]));

    // Handoff rules: add one, change it, add and remove another; the API lists what the page shows.
    const rules = me.getByRole('list', { name: 'My handoff rules' });
    const addRule = me.getByRole('form', { name: 'Add handoff rule' });
    await addRule.getByLabel('Tell me by').selectOption({ label: `sms ${phone}` });
    await addRule.getByRole('combobox', { name: /^When/ }).selectOption('oncall');
    await addRule.getByLabel('Minutes in advance').fill('30');
    await me.getByRole('button', { name: 'Add handoff rule' }).click();
    await rules.getByText(`When I go on call, 30 min before: sms ${phone}`).waitFor();
    const listed = async () => (await h.t.api().get(`/api/v1/users/${ids.bob}/handoff-rules`).expect(200)).body.items;
    const [saved] = await listed();
    expect(saved).toMatchObject({ handoffType: 'oncall', advanceMinutes: 30, contactMethodId: bob.contactMethods.find((c: { address: string }) => c.address === phone).id });
    await me.getByRole('button', { name: `Change handoff rule (When I go on call, 30 min before: sms ${phone})` }).click();
    const change = me.getByRole('form', { name: 'Change handoff rule' });
    await change.getByRole('combobox', { name: /^When/ }).selectOption('both');
    await change.getByLabel('Minutes in advance').fill('120');
    await change.getByRole('button', { name: 'Save handoff rule' }).click();
    await rules.getByText(`Both, 2 h before: sms ${phone}`).waitFor();
    await addRule.getByLabel('Tell me by').selectOption({ label: `sms ${phone}` });
    await addRule.getByRole('combobox', { name: /^When/ }).selectOption('offcall');
    await addRule.getByLabel('Minutes in advance').fill('0');
    await me.getByRole('button', { name: 'Add handoff rule' }).click();
    await me.getByRole('button', { name: `Remove handoff rule (When I come off call, at the handoff: sms ${phone})` }).click();
    await rules.getByText('When I come off call').waitFor({ state: 'detached' });
    expect(await listed()).toEqual([expect.objectContaining({ id: saved.id, handoffType: 'both', advanceMinutes: 120 })]);
    // Nothing on the page says only admins may change these any more.
    expect(await me.getByText(/admins? (only|can change)/i).count()).toBe(0);

    // A read-only user sees their settings without the forms (the server would refuse them).
    const reader = await h.page();
    await h.signInAsUser(reader, { id: ids.alice, name: 'Alice Chen' }, 'read-only');
    await reader.goto('/me');
    await reader.getByText('My role is read-only').waitFor();
    await reader.getByRole('list', { name: 'My handoff rules' }).waitFor();
    expect(await reader.getByRole('button', { name: /^(Add contact method|Add rule|Add handoff rule|Test page)/ }).count()).toBe(0);
    await h.t.api().patch(`/api/v1/users/${ids.alice}`, { role: 'responder' }).expect(200);

    const viewer = await h.page();
    await h.signInAsUser(viewer, { id: ids.bob, name: 'Bob Okafor' }, 'responder');
    await audit('me', '/me', (p) => p.getByText(`Both, 2 h before: sms ${phone}`).waitFor(), viewer);
  });

  it('sign-in: an emailed link opens a page whose Confirm button signs the person in', async () => {
    const p = await h.page(PHONE);
    await p.goto('/oncall');
    await p.getByLabel('Email', { exact: true }).fill('alice.chen@example.test');
    await p.getByRole('button', { name: 'Send link' }).click();
    await p.getByRole('status').waitFor();
    const mail = await h.smtp.waitForMessage((m) => m.to.includes('alice.chen@example.test'));
    const link = /(http:\/\/\S+\/sign-in\/email#token=[\w-]+)/.exec(mail.text ?? '')![1];
    await p.goto(link);
    await p.getByRole('button', { name: 'Confirm sign-in' }).click();
    await p.getByRole('heading', { name: 'Incidents' }).waitFor();
    await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Me' }).click();
    await p.getByRole('heading', { name: 'Alice Chen' }).waitFor();
    await audit('sign-in-email', '/sign-in/email#token=an-emailed-token', (q) => q.getByRole('button', { name: 'Confirm sign-in' }).waitFor(), await h.page());
  });

  it('sign-in: the page offers the API key', async () => {
    await audit('sign-in', '/', (p) => p.getByLabel('API key').waitFor(), await h.page());
    expect(checked).toEqual(expect.arrayContaining(['incidents', 'incident', 'oncall', 'schedule', 'schedules', 'policies', 'services', 'me', 'sign-in-email', 'sign-in']));
  });
});
