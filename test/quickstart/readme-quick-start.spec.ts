import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../../src/database/embedded-postgres';
import { copyCheckout, REPO_ROOT, runInGroup, serverEnv } from '../support/checkout-copy';

/** The first ```sh block under `## Quick start` in README.md, verbatim. */
export function quickStartBlock(readme: string): string {
  const section = readme.split(/^## Quick start\s*$/m)[1];
  const block = section && /^```sh\n([\s\S]*?)^```$/m.exec(section.split(/^## /m)[0]);
  if (!block) throw new Error('README.md has no ```sh block under "## Quick start"');
  return block[1];
}

// Starts the embedded PostgreSQL (initdb) and Klaxon on a possibly busy host: generous, and every wait is on readiness.
const BLOCK_TIMEOUT_MS = 280_000;

describe('README Quick start', () => {
  let dir: string;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs verbatim with bash -euo pipefail and leaves the incident resolved', async () => {
    const block = quickStartBlock(readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8'));
    dir = mkdtempSync(path.join(tmpdir(), 'klaxon-quickstart-'));
    chmodSync(dir, 0o755); // as root the embedded server runs as postgres: keep its data in reach (no /var/lib/klaxon detour)
    copyCheckout(path.join(dir, 'checkout'));
    const port = await freePort();
    const run = runInGroup('bash', ['-euo', 'pipefail', '-c', block], {
      cwd: path.join(dir, 'checkout'),
      env: serverEnv({ PORT: String(port), KLAXON_DATA_DIR: path.join(dir, 'data'), LOG_LEVEL: 'info' }),
    });
    const timer = setTimeout(() => void run.stopGroup(), BLOCK_TIMEOUT_MS);
    let code: number | null;
    try {
      code = await run.exited;
    } finally {
      clearTimeout(timer);
      await run.stopGroup(); // nothing is left running, whatever happened
    }
    const { stdout, stderr } = run.output();
    const serverLog = () => {
      try {
        return readFileSync(path.join(dir, 'checkout', 'klaxon.log'), 'utf8').slice(-4000);
      } catch {
        return '(none)';
      }
    };
    const log = () => `stdout:\n${stdout}\nstderr:\n${stderr}\nklaxon.log:\n${serverLog()}`;
    if (code !== 0) throw new Error(`the Quick start block exited with ${code}\n${log()}`);

    // The block shows the incident and its timeline, then the resolve call's answer last.
    expect(stdout).toMatch(/^#\d+ triggered: CPU above 90%$/m);
    expect(stdout).toMatch(/^ {2}\S+ {2}\S+ {2}.+$/m);
    const last = JSON.parse(stdout.trim().split('\n').pop()!);
    expect(last).toMatchObject({ status: 'resolved', title: 'CPU above 90%' });
    // And the server it started is gone: the block stops it.
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  }, BLOCK_TIMEOUT_MS + 30_000);
});
