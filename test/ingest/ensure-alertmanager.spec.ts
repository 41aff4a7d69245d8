import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SCRIPT = join(__dirname, '..', '..', 'scripts', 'ensure-alertmanager.js');

function run(env: Record<string, string>): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [SCRIPT], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 30_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** scripts/ensure-alertmanager.js: what the real-Alertmanager test calls first; it never lets that test skip. */
describe('scripts/ensure-alertmanager.js', () => {
  it('prints ALERTMANAGER_BIN when it names an executable', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'klaxon-am-bin-'));
    const bin = join(dir, 'alertmanager');
    await writeFile(bin, '#!/bin/sh\nexit 0\n', { mode: 0o755 });
    try {
      expect(run({ ALERTMANAGER_BIN: bin })).toMatchObject({ status: 0, stdout: `${bin}\n` });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('fails with a clear message when ALERTMANAGER_BIN names no executable (it installs nothing then)', () => {
    const missing = run({ ALERTMANAGER_BIN: '/nonexistent/alertmanager' });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe('ALERTMANAGER_BIN=/nonexistent/alertmanager is not an executable file\n');
  });
});
