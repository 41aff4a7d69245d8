#!/usr/bin/env node
/**
 * Makes sure a real Chromium is installed, for the web console's browser tests
 * (test/console/), which drive it with playwright-core. Prints the binary's path.
 *
 * - CHROMIUM_BIN, when set, is used as is.
 * - Otherwise Debian's /usr/bin/chromium, or `chromium` / `chromium-browser` on PATH.
 * - Missing, and running as root on a machine with apt-get (a fresh CI box):
 *   `apt-get install -y chromium`, and on failure `apt-get update` and the
 *   install once more. Playwright's own browser download is never used: the
 *   browser comes from the distribution's packages.
 * - Otherwise it fails with what to install: the tests never skip themselves.
 */
const { spawnSync } = require('node:child_process');
const { accessSync, constants } = require('node:fs');
const path = require('node:path');

const DEBIAN_BIN = '/usr/bin/chromium';
const PACKAGE = 'chromium';
const APT_TIMEOUT_MS = 15 * 60 * 1000;

function executable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name) {
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    if (dir && executable(path.join(dir, name))) return path.join(dir, name);
  }
  return null;
}

function findChromium() {
  const fromEnv = process.env.CHROMIUM_BIN;
  if (fromEnv) return executable(fromEnv) ? fromEnv : null;
  if (executable(DEBIAN_BIN)) return DEBIAN_BIN;
  return onPath('chromium') || onPath('chromium-browser');
}

function apt(args) {
  const result = spawnSync('apt-get', args, {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: APT_TIMEOUT_MS,
    encoding: 'utf8',
  });
  return { ok: result.status === 0, output: `${result.stdout || ''}${result.stderr || ''}${result.error ? String(result.error) : ''}` };
}

/** The path of a Chromium binary, installing the Debian package when it can; throws with a clear message otherwise. */
function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  if (process.env.CHROMIUM_BIN) throw new Error(`CHROMIUM_BIN=${process.env.CHROMIUM_BIN} is not an executable file`);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = onPath('apt-get') !== null;
  if (!isRoot || !hasApt) {
    throw new Error(
      `Chromium is not installed and cannot be installed here (${!hasApt ? 'no apt-get' : 'not root'}). ` +
        `Install it (Debian: sudo apt-get install -y ${PACKAGE}; Ubuntu: a chromium package or snap) or set CHROMIUM_BIN to a Chromium or Chrome binary.`,
    );
  }
  let install = apt(['install', '-y', '--no-install-recommends', PACKAGE]);
  if (!install.ok) {
    const update = apt(['update']);
    if (!update.ok) throw new Error(`apt-get update failed:\n${update.output.slice(-3000)}`);
    install = apt(['install', '-y', '--no-install-recommends', PACKAGE]);
  }
  const installed = findChromium();
  if (!install.ok || !installed) throw new Error(`apt-get install -y ${PACKAGE} failed:\n${install.output.slice(-3000)}`);
  return installed;
}

module.exports = { ensureChromium, findChromium };

if (require.main === module) {
  try {
    process.stdout.write(`${ensureChromium()}\n`);
  } catch (err) {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  }
}
