import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { WorkerService } from '../../src/worker/worker.service';
import { FakeWebhookReceiver } from '../fakes/fake-webhook-receiver';
import { MappedResolver } from '../fakes/mapped-resolver';
import { createPolicy, createServiceWithEventsV2, createUser, phoneNumber } from '../support/factories';
import { RecordingChannels } from '../support/recording-channels';
import { createTestApp, TestApp } from '../support/test-app';

/** The URLs of docs/webhooks.md, "Private addresses": every one a way to reach this host or its cloud's metadata. */
export const PRIVATE_URLS = [
  'http://127.1/hook',
  'http://0x7f000001/hook',
  'http://2130706433/hook',
  'http://[::1]/hook',
  'http://[::ffff:127.0.0.1]/hook',
  'http://169.254.169.254/latest/meta-data/',
  'http://0.0.0.0/hook',
  'http://10.0.0.8/hook',
  'http://localhost/hook',
];

export interface WebhookWorld {
  t: TestApp;
  worker: WorkerService;
  receiver: FakeWebhookReceiver;
  resolver: MappedResolver;
  channels: RecordingChannels;
  /** The app's log lines (info and above), parsed. */
  logs(): { level: number; msg: string; [k: string]: unknown }[];
  close(): Promise<void>;
}

/** A Klaxon app on its own database with a fake clock, a fake receiver, and a resolver the test controls. */
export async function webhookWorld(env: Record<string, string>): Promise<WebhookWorld> {
  const resolver = new MappedResolver();
  const channels = new RecordingChannels();
  const record = channels.override()!;
  const raw: string[] = [];
  const t = await createTestApp({
    env: { PUBLIC_URL: 'https://klaxon.example.org', LOG_LEVEL: 'info', ...env },
    logStream: { write: (chunk: string) => void raw.push(chunk) },
    override: (b) => resolver.override()(record(b)),
  });
  const receiver = new FakeWebhookReceiver(() => t.clock.now());
  await receiver.start();
  return {
    t,
    worker: t.get(WorkerService),
    receiver,
    resolver,
    channels,
    logs: () => raw.flatMap((chunk) => chunk.split('\n')).filter(Boolean).map((line) => JSON.parse(line)),
    close: async () => {
      await receiver.stop();
      await t.close();
    },
  };
}

/** A service on a one-level policy paging a user by SMS; returns its routing key. */
export async function pagedService(t: TestApp): Promise<{ serviceId: string; routingKey: string }> {
  const user = await createUser(t, { name: 'Ada' }, [{ type: 'sms', address: phoneNumber() }]);
  const policy = await createPolicy(t, [{ delayMinutes: 30, targets: [{ type: 'user', id: user.id }] }]);
  return createServiceWithEventsV2(t, policy.id);
}

/** Moves the fake clock in steps, running the worker after each, as time passing would. */
export async function runFor(w: WebhookWorld, totalMs: number, stepMs: number): Promise<void> {
  for (let elapsed = 0; elapsed < totalMs; elapsed += stepMs) {
    w.t.clock.advance(stepMs);
    await w.worker.drain();
  }
}

/**
 * The signature check of docs/webhooks.md, taken from the page and run as it
 * is written there (the first ```js block under "Verifying a delivery").
 */
export function documentedVerifier(): (secret: string, header: string, rawBody: string, nowSeconds?: number) => boolean {
  const page = readFileSync(path.join(__dirname, '../../docs/webhooks.md'), 'utf8');
  const section = page.slice(page.indexOf('## Verifying a delivery'));
  const block = /```js\n([\s\S]*?)```/.exec(section);
  if (!block) throw new Error('docs/webhooks.md has no js block under "Verifying a delivery"');
  const sandbox = { require, Buffer, module: { exports: {} } };
  vm.runInNewContext(`${block[1]}\nmodule.exports = verifyKlaxonSignature;`, sandbox);
  return sandbox.module.exports as ReturnType<typeof documentedVerifier>;
}
