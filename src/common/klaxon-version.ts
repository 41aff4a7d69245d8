import { readFileSync } from 'node:fs';
import * as path from 'node:path';

/**
 * Klaxon's version, read once from the installation's package.json: found by
 * walking up from this file, so it works from src/ (tests, ts-node) and from
 * dist/src/ (`npm start`), where a relative import of package.json would not.
 */
function readVersion(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
      if (pkg.name === 'klaxon' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // no package.json here: one folder up
    }
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return '0.0.0';
}

export const KLAXON_VERSION = readVersion();
