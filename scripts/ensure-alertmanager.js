#!/usr/bin/env node
/**
 * Makes sure a real Prometheus Alertmanager is installed, for the test that
 * drives Klaxon's Opsgenie API with Alertmanager's own opsgenie receiver
 * (test/ingest/opsgenie-alertmanager.spec.ts). Prints the binary's path.
 *
 * - ALERTMANAGER_BIN, when set, is used as is.
 * - Otherwise the Debian package's binary (/usr/bin/prometheus-alertmanager),
 *   or `alertmanager` / `prometheus-alertmanager` on PATH.
 * - Missing, and running as root on a machine with apt-get (a fresh CI box):
 *   `apt-get install -y prometheus-alertmanager`, and on failure
 *   `apt-get update` and the install once more.
 * - Otherwise it fails with what to install: the test never skips itself.
 */
const { spawnSync } = require('node:child_process');
const { accessSync, constants } = require('node:fs');
const path = require('node:path');

const DEBIAN_BIN = '/usr/bin/prometheus-alertmanager';
const PACKAGE = 'prometheus-alertmanager';
const APT_TIMEOUT_MS = 10 * 60 * 1000;

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

function findAlertmanager() {
  const fromEnv = process.env.ALERTMANAGER_BIN;
  if (fromEnv) return executable(fromEnv) ? fromEnv : null;
  if (executable(DEBIAN_BIN)) return DEBIAN_BIN;
  return onPath('prometheus-alertmanager') || onPath('alertmanager');
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

/** The path of an Alertmanager binary, installing the Debian package when it can; throws with a clear message otherwise. */
function ensureAlertmanager() {
  const found = findAlertmanager();
  if (found) return found;
  if (process.env.ALERTMANAGER_BIN) {
    throw new Error(`ALERTMANAGER_BIN=${process.env.ALERTMANAGER_BIN} is not an executable file`);
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = onPath('apt-get') !== null;
  if (!isRoot || !hasApt) {
    throw new Error(
      `Prometheus Alertmanager is not installed and cannot be installed here (${!hasApt ? 'no apt-get' : 'not root'}). ` +
        `Install it (Debian/Ubuntu: sudo apt-get install -y ${PACKAGE}) or set ALERTMANAGER_BIN to an alertmanager binary (0.25 or later).`,
    );
  }
  let install = apt(['install', '-y', '--no-install-recommends', PACKAGE]);
  if (!install.ok) {
    const update = apt(['update']);
    if (!update.ok) throw new Error(`apt-get update failed:\n${update.output.slice(-3000)}`);
    install = apt(['install', '-y', '--no-install-recommends', PACKAGE]);
  }
  const installed = findAlertmanager();
  if (!install.ok || !installed) {
    throw new Error(`apt-get install -y ${PACKAGE} failed:\n${install.output.slice(-3000)}`);
  }
  return installed;
}

module.exports = { ensureAlertmanager, findAlertmanager };

if (require.main === module) {
  try {
    process.stdout.write(`${ensureAlertmanager()}\n`);
  } catch (err) {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  }
}
