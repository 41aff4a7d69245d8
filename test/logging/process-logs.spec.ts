import { createProcessWorld, ProcessWorld } from '../support/process-world';

const WARN = 40;

/**
 * What a real Klaxon process (src/main.ts) logs from start to a clean
 * SIGTERM: the configuration warnings, one start line, no route mapping at
 * info, and nothing at warn or above while it stops with pages under way.
 */
describe('process logs from start to SIGTERM', () => {
  jest.setTimeout(180_000);
  let w: ProcessWorld;
  beforeAll(async () => {
    w = await createProcessWorld();
  });
  afterAll(async () => {
    await w.close();
  });

  it('one start line, the warnings of a one-way configuration, no route mapping at info, and a silent clean stop', async () => {
    w.twilio.setResponseDelay(300); // sends are in flight when SIGTERM arrives
    const klaxon = w.worker({ KLAXON_ROLE: 'all', SLACK_BOT_TOKEN: 'xoxb-process-logs', SLACK_API_URL: 'http://127.0.0.1:9/' });
    await klaxon.start();
    const started = klaxon.logLines;

    const up = started.filter((l) => l.msg === 'Klaxon is up');
    expect(up).toHaveLength(1);
    const db = new URL(w.t.db.url);
    expect(up[0]).toMatchObject({
      level: 30,
      role: 'all',
      database: { kind: 'external', host: `${db.hostname}:${db.port}`, database: w.t.db.name },
      // Chat destinations need no configuration of their own (a Slack channel needs the Slack token).
      channels: ['sms', 'slack', 'teams', 'mattermost', 'slack-channel'],
    });
    expect(up[0].port).toEqual(expect.any(Number));
    expect(up[0].port).toBeGreaterThan(0);
    expect(JSON.stringify(up[0])).not.toContain(decodeURIComponent(db.password) || '\u0000');

    const warnings = started.filter((l) => l.level === WARN).map((l) => l.msg);
    expect(warnings).toEqual([
      expect.stringMatching(/^PUBLIC_URL is not set: SMS pages go out, but voice pages are skipped .* SMS replies are refused/),
      'SLACK_SIGNING_SECRET is not set: Slack messages go out, but button presses and /oncall are refused (401)',
    ]);
    expect(started.filter((l) => l.level > WARN)).toEqual([]);
    // Route mapping and module initialisation are debug; the start writes a handful of info lines, not hundreds.
    expect(started.filter((l) => l.level >= 30 && /^Mapped \{|dependencies initialized/.test(String(l.msg)))).toEqual([]);
    expect(started.filter((l) => l.level >= 30).length).toBeLessThan(10);

    const total = 30;
    await w.trigger(Array.from({ length: total }, (_, i) => ({ dedupKey: `pl-${i}`, summary: `process logs ${i}` })), total);
    await w.twilio.waitFor(() => w.twilio.messages.length >= 3, 60_000);
    expect(await klaxon.stop()).toBe(0);

    const all = klaxon.logLines;
    const afterSigterm = klaxon.shutdownLogLines;
    expect(afterSigterm.length).toBeGreaterThan(0);
    expect(afterSigterm.filter((l) => l.level >= WARN)).toEqual([]);
    expect(afterSigterm.map((l) => l.msg)).toContain('stopped');
    // The pages it sent were logged, one line each, with the incident number.
    const sent = all.filter((l) => l.msg === 'page sent');
    expect(sent.length).toBe(w.twilio.messages.length);
    expect(sent.every((l) => typeof l.incident === 'number' && l.channel === 'sms' && /^\+•+\d{4}$/.test(String(l.to)))).toBe(true);
  });

  it('refuses to start with Twilio configured in part, naming what is missing', async () => {
    const klaxon = w.worker({ TWILIO_AUTH_TOKEN: '', TWILIO_FROM: '' });
    const failure = await klaxon.start().then(
      () => null,
      (e: Error) => e.message,
    );
    expect(failure).toContain('TWILIO_AUTH_TOKEN: required when TWILIO_ACCOUNT_SID is set');
    expect(failure).toContain('TWILIO_FROM: required when TWILIO_ACCOUNT_SID is set');
  });
});
