import { Page } from 'playwright-core';
import { createPolicy, createSchedule, createServiceWithEventsV2, createUser, incidentByDedupKey, layerBody, phoneNumber } from '../support/factories';
import { ConsoleHarness, DESKTOP, PHONE } from './console-harness';

/** The people, schedules, policy and service every page test starts from (pages-*.spec.ts), on the file's own database. */
export interface PagesIds {
  alice: string;
  bob: string;
  schedule: string;
  rota: string;
  policy: string;
  serviceId: string;
  routingKey: string;
}

/**
 * The shared start of the console's page tests, split over three files so that
 * jest runs them side by side: one Klaxon and one Chromium per file
 * (ConsoleHarness), two people, a weekly schedule and a daily rota, a
 * two-level policy and a service with an Events v2 integration, and two pages
 * signed in with the admin key (`admin` acts, `auditor` is audited). Call it
 * inside a `describe`: it registers the file's beforeAll and afterAll.
 */
export function pagesFixture() {
  const h = new ConsoleHarness();
  const ids = {} as PagesIds;
  const checked: string[] = [];
  const pages = {} as { admin: Page; auditor: Page };

  /**
   * Width, axe and screenshots of the page at `path` once `ready` is visible, on
   * `auditor` (a signed-in page of its own) at each viewport and colour scheme.
   */
  async function audit(name: string, path: string, ready: (p: Page) => Promise<unknown>, p: Page = pages.auditor): Promise<void> {
    for (const [viewport, label] of [
      [PHONE, 'phone'],
      [DESKTOP, 'desktop'],
    ] as const) {
      await p.setViewportSize(viewport);
      for (const scheme of ['light', 'dark'] as const) {
        await p.emulateMedia({ colorScheme: scheme });
        await p.goto(path);
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
    pages.admin = await h.page();
    await h.signInWithKey(pages.admin);
    pages.auditor = await h.page();
    await h.signInWithKey(pages.auditor);
  });
  afterAll(() => h.stop());

  const trigger = async (dedupKey: string, summary: string) => {
    await h.t.http().post('/v2/enqueue').send({ routing_key: ids.routingKey, event_action: 'trigger', dedup_key: dedupKey, payload: { summary, source: 'web-1', severity: 'error' } }).expect(202);
    return incidentByDedupKey(h.t, dedupKey);
  };

  return {
    h,
    ids,
    checked,
    audit,
    trigger,
    /** The page that acts (signed in with the admin key); set once beforeAll has run. */
    get admin(): Page {
      return pages.admin;
    },
  };
}
