import { ActionTokenService } from '../../src/notifications/action-tokens/action-token.service';
import { CLAIM_MS, DispatcherService } from '../../src/notifications/dispatcher.service';
import { WorkerService } from '../../src/worker/worker.service';
import { createPolicy, createServiceWithEventsV2, createUser, phoneNumber, trigger } from '../support/factories';
import { RecordingChannels } from '../support/recording-channels';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * A worker that stalls between claiming a page and sending it for longer
 * than its claim lasts must not send: by then another worker may have taken
 * the page over (its claim released as expired) and sent it. The stall is
 * made inside the claimed pass (the page's action links), and the takeover
 * by a second pass of the dispatcher during it.
 */
describe('a page whose claim ran out before its send', () => {
  let t: TestApp;
  const channels = new RecordingChannels();

  beforeAll(async () => {
    t = await createTestApp({ override: channels.override() });
  });
  afterAll(() => t.close());
  afterEach(() => jest.restoreAllMocks());

  it('is sent once, by the worker that took it over, and not again by the one that stalled', async () => {
    const phone = phoneNumber();
    const user = await createUser(t, { name: 'Stella' }, [{ type: 'sms', address: phone }]);
    const policy = await createPolicy(t, [{ delayMinutes: 30, targets: [{ type: 'user', id: user.id }] }]);
    const { routingKey } = await createServiceWithEventsV2(t, policy.id);
    const dispatcher = t.get(DispatcherService);
    const links = ActionTokenService.prototype.linksForPage;
    let stalls = 0;
    jest.spyOn(ActionTokenService.prototype, 'linksForPage').mockImplementation(async function (this: ActionTokenService, page) {
      if (stalls++ === 0) {
        // This pass stalls past its claim; meanwhile another pass releases the expired claim and sends the page.
        t.clock.advance(CLAIM_MS + 1_000);
        expect(await dispatcher.recoverExpiredClaims()).toBe(1);
        expect(await dispatcher.dispatchDue()).toBe(1);
      }
      return links.call(this, page);
    });

    const incident = await trigger(t, routingKey, 'stalled-send');
    await t.get(WorkerService).drain();

    expect(stalls).toBe(2);
    expect(channels.get('sms').sent.filter((p) => p.address === phone)).toHaveLength(1);
    const pages = await t.dataSource.query(`SELECT state, attempts FROM notifications WHERE incident_id = $1`, [incident.id]);
    expect(pages).toEqual([{ state: 'sent', attempts: 2 }]);
  });
});
