import { ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../src/database/embedded-postgres';
import { createIntegration, createService, IntegrationFixture, ServiceFixture } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';

// Plain JavaScript, shared with CI setup: installs the Debian package when it is missing and it can.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ensureAlertmanager } = require('../../scripts/ensure-alertmanager') as { ensureAlertmanager: () => string };

/** Polls an async probe until it returns a value; fails naming what never came. */
async function eventually<T>(probe: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * The real client: Prometheus Alertmanager 0.25 with an `opsgenie_configs`
 * receiver whose `api_url` is Klaxon. An alert posted to Alertmanager opens
 * an incident (its alias, the SHA-256 of the group key, is the dedup key) and
 * its resolution closes it, through Alertmanager's own Opsgenie code.
 */
describe('Opsgenie API with a real Prometheus Alertmanager', () => {
  let t: TestApp;
  let service: ServiceFixture;
  let og: IntegrationFixture;
  let alertmanager: ChildProcess | null = null;
  let amOutput = '';
  let amUrl: string;
  let dir: string;

  beforeAll(async () => {
    const bin = ensureAlertmanager();
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    const klaxonPort = (t.app.getHttpServer().address() as AddressInfo).port;
    service = await createService(t);
    og = await createIntegration(t, service.id, 'opsgenie', { name: 'Alertmanager' });

    dir = await mkdtemp(join(tmpdir(), 'klaxon-alertmanager-'));
    const config = [
      'route:',
      '  receiver: klaxon',
      "  group_by: ['alertname']",
      '  group_wait: 1s',
      '  group_interval: 1s',
      '  repeat_interval: 1h',
      'receivers:',
      '  - name: klaxon',
      '    opsgenie_configs:',
      `      - api_url: 'http://127.0.0.1:${klaxonPort}/'`,
      `        api_key: '${og.key}'`,
      '        send_resolved: true',
      '',
    ].join('\n');
    await writeFile(join(dir, 'alertmanager.yml'), config);
    const amPort = await freePort();
    amUrl = `http://127.0.0.1:${amPort}`;
    alertmanager = spawn(
      bin,
      [
        `--config.file=${join(dir, 'alertmanager.yml')}`,
        `--storage.path=${join(dir, 'data')}`,
        `--web.listen-address=127.0.0.1:${amPort}`,
        '--cluster.listen-address=',
        '--log.level=debug',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const keep = (chunk: Buffer) => {
      amOutput = (amOutput + chunk.toString()).slice(-20_000);
    };
    alertmanager.stdout!.on('data', keep);
    alertmanager.stderr!.on('data', keep);
    await eventually(async () => (await fetch(`${amUrl}/-/ready`)).ok, `Alertmanager ready on ${amUrl}\n${amOutput}`, 120_000);
  }, 15 * 60_000);

  afterAll(async () => {
    if (alertmanager && alertmanager.exitCode === null) {
      const exited = new Promise((resolve) => alertmanager!.once('exit', resolve));
      alertmanager.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 10_000)))]);
      clearTimeout(timer);
      if (alertmanager.exitCode === null) alertmanager.kill('SIGKILL');
    }
    if (dir) await rm(dir, { recursive: true, force: true });
    if (t) await t.close();
  });

  const postAlerts = async (alerts: object[]) => {
    const res = await fetch(`${amUrl}/api/v2/alerts`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(alerts) });
    expect(res.status).toBe(200);
  };

  const incidentsOfService = async (): Promise<{ id: string; status: string; dedupKey: string; title: string; severity: string }[]> =>
    (await t.api().get(`/api/v1/incidents?serviceId=${service.id}`).expect(200)).body.items;

  it('an alert opens an incident keyed by the hash of its group key, and its resolution closes it', async () => {
    const startsAt = new Date();
    const alert = {
      labels: { alertname: 'KlaxonOpsgenieTest', instance: 'db-2:9100', severity: 'critical' },
      annotations: { summary: 'Disk 95% full on db-2', description: '/var is 95% full' },
      generatorURL: 'http://prometheus/graph',
      startsAt: startsAt.toISOString(),
    };
    await postAlerts([alert]);

    const alias = createHash('sha256').update('{}:{alertname="KlaxonOpsgenieTest"}').digest('hex');
    const opened = await eventually(
      async () => (await incidentsOfService()).find((i) => i.dedupKey === alias),
      `an incident with alias ${alias}\nAlertmanager said:\n${amOutput}`,
    );
    expect(opened).toMatchObject({ status: 'triggered', severity: 'warning', title: expect.stringContaining('KlaxonOpsgenieTest') });
    const detail = (await t.api().get(`/api/v1/incidents/${opened.id}`).expect(200)).body;
    expect(detail.alerts[0].details.custom_details).toMatchObject({ alertname: 'KlaxonOpsgenieTest', instance: 'db-2:9100', severity: 'critical' });

    await postAlerts([{ ...alert, endsAt: new Date().toISOString() }]);
    const closed = await eventually(
      async () => (await incidentsOfService()).find((i) => i.id === opened.id && i.status === 'resolved'),
      `incident ${opened.id} resolved\nAlertmanager said:\n${amOutput}`,
    );
    expect(closed.status).toBe('resolved');
    const after = (await t.api().get(`/api/v1/incidents/${opened.id}`).expect(200)).body;
    expect(after.resolvedBy).toMatchObject({ type: 'integration', id: og.id, name: 'Alertmanager' });
    expect(after.timeline.at(-1)).toMatchObject({ type: 'resolved', message: expect.stringMatching(/^Resolved by Alertmanager: source http:\/\//) });
  }, 5 * 60_000);
});
