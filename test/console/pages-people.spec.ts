import { WorkerService } from '../../src/worker/worker.service';
import { phoneNumber } from '../support/factories';
import { PHONE } from './console-harness';
import { usePagesWorld } from './pages-world';

/**
 * The console's pages about a person, in a real Chromium: the Me page (a
 * responder's own settings, a read-only user's view) and the two ways to sign
 * in; each checked as pages.spec.ts checks the others (pages-world.ts). A file
 * of their own, so the two files run side by side.
 */
describe('web console: the Me and sign-in pages', () => {
  const { h, ids, checked, audit } = usePagesWorld();

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
    expect(checked).toEqual(['me', 'sign-in-email', 'sign-in']);
  });
});
