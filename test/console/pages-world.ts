import { Page } from 'playwright-core';
import { createPolicy, createSchedule, createServiceWithEventsV2, createUser, incidentByDedupKey, layerBody, phoneNumber } from '../support/factories';
import { ConsoleHarness, DESKTOP, PHONE } from './console-harness';

export interface PagesWorld {
  h: ConsoleHarness;
  /** Signed in with the admin API key: the page a test acts on. */
  admin: Page;
  ids: { alice: string; bob: string; schedule: string; rota: string; policy: string; serviceId: string; routingKey: string };
  /** The names of the pages `audit` has checked so far in this file. */
  checked: string[];
  /**
   * Width, axe and screenshots of the page at `path` once `ready` is visible, on
   * `p` (by default a signed-in page of its own) at each viewport and colour scheme.
   * The page is loaded once, on the phone in light mode; the other three are
   * that page laid out again, as a phone turned sideways or a system switching
   * to dark mode would (the console's layout and colours are CSS media queries
   * only, with no transitions).
   */
  audit(name: string, path: string, ready: (p: Page) => Promise<unknown>, p?: Page): Promise<void>;
  /** An Events v2 trigger on the world's service; the incident it opened or added to. */
  trigger(dedupKey: string, summary: string): ReturnType<typeof incidentByDedupKey>;
}

/**
 * The world the console's page tests share (pages.spec.ts, pages-people.spec.ts):
 * one Klaxon and one Chromium per file (console-harness.ts), Alice and Bob with
 * an SMS number each, a weekly schedule of Alice's and a daily rota of both, a
 * policy paging the schedule, an Events v2 service on it, and two pages signed
 * in with the admin key. Registers the file's beforeAll and afterAll; the
 * fields are set once beforeAll has run.
 */
export function usePagesWorld(): PagesWorld {
  const h = new ConsoleHarness();
  let auditor: Page;
  const world = { h, ids: {}, checked: [] as string[] } as unknown as PagesWorld;

  world.audit = async (name, path, ready, p = auditor) => {
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
    world.checked.push(name);
  };

  world.trigger = async (dedupKey, summary) => {
    await h.t.http().post('/v2/enqueue').send({ routing_key: world.ids.routingKey, event_action: 'trigger', dedup_key: dedupKey, payload: { summary, source: 'web-1', severity: 'error' } }).expect(202);
    return incidentByDedupKey(h.t, dedupKey);
  };

  beforeAll(async () => {
    await h.start();
    const ids = world.ids;
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
    world.admin = await h.page();
    await h.signInWithKey(world.admin);
    auditor = await h.page();
    await h.signInWithKey(auditor);
  });
  afterAll(() => h.stop());

  return world;
}
