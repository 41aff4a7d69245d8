import { WorkerService } from '../../src/worker/worker.service';
import { FakeSlackServer } from '../fakes/fake-slack.server';
import { FakeTwilioServer } from '../fakes/fake-twilio.server';
import { TwilioParams, signedTwilioRequest, slackInteractionBody, slackSignatureHeaders } from '../fakes/signing';
import { SmtpCaptureServer } from '../fakes/smtp-capture.server';
import { createPolicy, createServiceWithEventsV2, createUser, trigger } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';

export const PUBLIC_URL = 'https://klaxon.example.test';
export const SLACK_SIGNING_SECRET = 'slack-signing-secret-for-tests';
export const TWILIO_FROM = '+15550109999';

let sidSequence = 0;
/** A Twilio resource id as Twilio makes them: a two-letter prefix and 32 hex digits, unique per call. */
export function twilioSid(prefix: 'SM' | 'CA'): string {
  return prefix + (++sidSequence).toString(16).padStart(32, '0');
}

/**
 * A Klaxon app with every real channel configured against the fake Twilio, Slack and
 * SMTP servers on loopback, plus signed-request helpers for the inbound webhooks.
 */
export class ChannelsHarness {
  readonly twilio = new FakeTwilioServer();
  readonly slack = new FakeSlackServer();
  readonly smtp = new SmtpCaptureServer();
  t!: TestApp;

  async start(env: Record<string, string> = {}): Promise<this> {
    const [twilioUrl, slackUrl, smtpUrl] = await Promise.all([this.twilio.start(), this.slack.start(), this.smtp.start()]);
    this.t = await createTestApp({
      env: {
        TWILIO_ACCOUNT_SID: this.twilio.accountSid,
        TWILIO_AUTH_TOKEN: this.twilio.authToken,
        TWILIO_FROM,
        TWILIO_API_URL: twilioUrl,
        SMTP_URL: smtpUrl,
        SMTP_FROM: 'klaxon@example.test',
        SLACK_BOT_TOKEN: this.slack.botToken,
        SLACK_SIGNING_SECRET,
        SLACK_API_URL: slackUrl,
        PUBLIC_URL,
        ...env,
      },
    });
    return this;
  }

  async stop(): Promise<void> {
    await this.t?.close();
    await Promise.all([this.twilio.stop(), this.slack.stop(), this.smtp.stop()]);
  }

  reset(): void {
    this.twilio.reset();
    this.slack.reset();
    this.smtp.reset();
  }

  drain(): Promise<void> {
    return this.t.get(WorkerService).drain();
  }

  /** A Twilio webhook POST signed for PUBLIC_URL + path (path may carry a query string). */
  twilioPost(path: string, params: TwilioParams, authToken = this.twilio.authToken) {
    const signed = signedTwilioRequest(authToken, `${PUBLIC_URL}${path}`, params);
    return this.t.http().post(path).set(signed.headers).send(signed.body);
  }

  /** An inbound SMS; the same `messageSid` again is a replay of the same signed request. */
  sms(from: string, body: string, messageSid = twilioSid('SM')) {
    return this.twilioPost('/twilio/sms', { From: from, To: TWILIO_FROM, Body: body, MessageSid: messageSid });
  }

  /** The digit a callee pressed on a page call (Twilio's <Gather> callback). */
  gather(notificationId: string, digits: string, callSid = twilioSid('CA')) {
    return this.twilioPost(`/twilio/voice/gather?notification=${notificationId}`, { CallSid: callSid, Digits: digits });
  }

  /** The app's clock in whole seconds: what Slack's request timestamps are checked against. */
  slackNow(): number {
    return Math.floor(this.t.clock.now().getTime() / 1000);
  }

  /** A Slack interaction (button press) signed with the app's signing secret, or another one to forge it. */
  slackAction(payload: unknown, secret = SLACK_SIGNING_SECRET, timestampSec = this.slackNow()) {
    return this.slackPost(slackInteractionBody(payload), secret, timestampSec);
  }

  slackCommand(fields: Record<string, string>, secret = SLACK_SIGNING_SECRET) {
    return this.slackPost(new URLSearchParams(fields).toString(), secret, this.slackNow());
  }

  /** A signed form POST to /slack/events; `timestampHeader` sends another spelling of the signed timestamp. */
  slackPost(body: string, secret: string, timestampSec: number, timestampHeader = String(timestampSec)) {
    return this.t
      .http()
      .post('/slack/events')
      .set({
        'Content-Type': 'application/x-www-form-urlencoded',
        ...slackSignatureHeaders(secret, body, timestampSec),
        'X-Slack-Request-Timestamp': timestampHeader,
      })
      .send(body);
  }

  /**
   * A user with one contact method, on a policy of `levels` five-minute levels that all page them,
   * on a service with Events v2; triggers `key` there and drains the worker (the first page is sent).
   */
  async paged(
    contact: { type: 'sms' | 'voice' | 'email' | 'slack'; address: string },
    key: string,
    opts: { name?: string; levels?: number; summary?: string; slackChannelId?: string } = {},
  ) {
    const user = await createUser(this.t, { name: opts.name }, [contact]);
    const levels = Array.from({ length: opts.levels ?? 3 }, () => ({ delayMinutes: 5, targets: [{ type: 'user' as const, id: user.id }] }));
    const policy = await createPolicy(this.t, levels);
    const service = await createServiceWithEventsV2(this.t, policy.id, opts.slackChannelId ? { slackChannelId: opts.slackChannelId } : {});
    const incident = await trigger(this.t, service.routingKey, key, opts.summary);
    await this.drain();
    return { user, service, routingKey: service.routingKey, incident };
  }

  /** The page call the fake Twilio received for `phone`, and the notification it is for. */
  async callTo(phone: string) {
    const call = await this.twilio.waitForCall((c) => c.To === phone);
    return { call, notificationId: new URL(call.Url).searchParams.get('notification')! };
  }

  /** How many times the incident was escalated by hand over `channel`. */
  async manualEscalations(incidentId: string, channel: string): Promise<number> {
    return (await this.incident(incidentId)).timeline.filter((e) => e.type === 'escalated' && e.channel === channel).length;
  }

  async incident(id: string): Promise<{ status: string; number: number; timeline: { type: string; message: string; channel?: string; data?: any }[] }> {
    return (await this.t.api().get(`/api/v1/incidents/${id}`).expect(200)).body;
  }
}

let actionSequence = 0;

/**
 * The payload Slack posts when a user presses one of the incident buttons; every
 * press has an `action_ts` of its own (the same one again is a replay).
 */
export function buttonPayload(
  actionId: string,
  incidentId: string,
  slackUserId: string,
  channelId = 'C0INCIDENTS',
  actionTs = `1700000001.${String(++actionSequence).padStart(6, '0')}`,
) {
  return {
    type: 'block_actions',
    team: { id: 'T0FAKE', domain: 'fake' },
    user: { id: slackUserId, username: 'someone', team_id: 'T0FAKE' },
    api_app_id: 'A0KLAXON',
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: '1700000000.000100', channel_id: channelId, is_ephemeral: false },
    trigger_id: '123.456.abc',
    channel: { id: channelId, name: 'incidents' },
    message: { type: 'message', ts: '1700000000.000100', text: 'incident' },
    response_url: 'https://hooks.slack.invalid/actions/T0FAKE/1/abc',
    actions: [
      {
        type: 'button',
        action_id: actionId,
        block_id: `incident_actions:${incidentId}`,
        value: incidentId,
        text: { type: 'plain_text', text: 'Acknowledge' },
        action_ts: actionTs,
      },
    ],
  };
}
