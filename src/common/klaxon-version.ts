import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/**
 * The installation's root: the nearest folder above this file with a
 * package.json (src/ under ts-node and in tests, dist/src/ when built), so
 * that it is found from both, where a relative path would not be.
 */
export function installationRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

/** Klaxon's version, read once from the installation's package.json. */
function readVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(path.join(installationRoot(), 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
    if (pkg.name === 'klaxon' && typeof pkg.version === 'string') return pkg.version;
  } catch {
    // no readable package.json: the version is unknown
  }
  return '0.0.0';
}

export const KLAXON_VERSION = readVersion();
