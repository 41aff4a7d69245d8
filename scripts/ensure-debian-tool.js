/**
 * A program the tests need from Debian's packages (Chromium for the console's
 * browser tests, Prometheus Alertmanager for the Opsgenie receiver test):
 * found, or installed when it can be, or a clear error. The tests never skip
 * themselves for want of it.
 *
 * - `<ENV_VAR>`, when set, is used as is (and must be an executable file).
 * - Otherwise the Debian package's binary, or one of `names` on PATH.
 * - Missing, and running as root on a machine with apt-get (a fresh CI box):
 *   `apt-get install -y --no-install-recommends <package>`, and on failure
 *   `apt-get update` and the install once more.
 * - Otherwise an error that says what to install.
 */
const { spawnSync } = require('node:child_process');
const { accessSync, constants } = require('node:fs');
const path = require('node:path');

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

function apt(args, timeoutMs) {
  const result = spawnSync('apt-get', args, {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: timeoutMs,
    encoding: 'utf8',
  });
  return { ok: result.status === 0, output: `${result.stdout || ''}${result.stderr || ''}${result.error ? String(result.error) : ''}` };
}

/**
 * @param {{ title: string, envVar: string, debianBin: string, names: string[], pkg: string, aptTimeoutMs: number, howToInstall: string }} tool
 */
function debianTool(tool) {
  const find = () => {
    const fromEnv = process.env[tool.envVar];
    if (fromEnv) return executable(fromEnv) ? fromEnv : null;
    if (executable(tool.debianBin)) return tool.debianBin;
    for (const name of tool.names) {
      const found = onPath(name);
      if (found) return found;
    }
    return null;
  };

  /** The binary's path, installing the Debian package when it can; throws with a clear message otherwise. */
  const ensure = () => {
    const found = find();
    if (found) return found;
    if (process.env[tool.envVar]) throw new Error(`${tool.envVar}=${process.env[tool.envVar]} is not an executable file`);
    const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    const hasApt = onPath('apt-get') !== null;
    if (!isRoot || !hasApt) {
      throw new Error(`${tool.title} is not installed and cannot be installed here (${!hasApt ? 'no apt-get' : 'not root'}). ${tool.howToInstall}`);
    }
    const install = () => apt(['install', '-y', '--no-install-recommends', tool.pkg], tool.aptTimeoutMs);
    let done = install();
    if (!done.ok) {
      const update = apt(['update'], tool.aptTimeoutMs);
      if (!update.ok) throw new Error(`apt-get update failed:\n${update.output.slice(-3000)}`);
      done = install();
    }
    const installed = find();
    if (!done.ok || !installed) throw new Error(`apt-get install -y ${tool.pkg} failed:\n${done.output.slice(-3000)}`);
    return installed;
  };

  /** For `node scripts/ensure-<tool>.js`: prints the path, or the reason and exit code 1. */
  const main = () => {
    try {
      process.stdout.write(`${ensure()}\n`);
    } catch (err) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
  };

  return { find, ensure, main };
}

module.exports = { debianTool };
