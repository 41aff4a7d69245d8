// The web console's part of scripts/build.js: runs `vite build` on console/
// into console/dist, only when its inputs changed since the last build
// (console/dist/.build-stamp records the size and mtime of each input: the
// console's sources, the schedule resolver it shares with the server, and
// package-lock.json). Nothing changed: it returns at once, so `npm start`
// stays fast. Without Vite (`npm ci --omit=dev`) an existing console/dist is
// served as it is.
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const CONSOLE = path.join(ROOT, 'console');
const DIST = path.join(CONSOLE, 'dist');
const STAMP = path.join(DIST, '.build-stamp');
const INPUTS = [path.join(CONSOLE, 'src'), path.join(CONSOLE, 'index.html'), path.join(CONSOLE, 'vite.config.mts'), path.join(ROOT, 'src', 'schedules', 'resolution'), path.join(ROOT, 'package-lock.json')];

function stamps() {
  const out = {};
  const visit = (p) => {
    if (!fs.existsSync(p)) return;
    const st = fs.statSync(p);
    if (st.isDirectory()) for (const name of fs.readdirSync(p).sort()) visit(path.join(p, name));
    else out[path.relative(ROOT, p)] = `${st.size}:${st.mtimeMs}`;
  };
  INPUTS.forEach(visit);
  return JSON.stringify(out);
}

/** Builds the console when needed; resolves to what it did, for the build's one line. */
async function buildConsole({ clean = false } = {}) {
  const t0 = Date.now();
  const current = stamps();
  if (!clean && fs.existsSync(STAMP) && fs.readFileSync(STAMP, 'utf8') === current && fs.existsSync(path.join(DIST, 'index.html'))) return 'console up to date';
  let vite;
  try {
    vite = await import('vite');
  } catch {
    if (fs.existsSync(path.join(DIST, 'index.html'))) return 'console: vite not installed, serving the console/dist present';
    throw new Error('vite is not installed (a production install?) and console/dist is missing: run `npm install` with dev dependencies.');
  }
  await vite.build({ configFile: path.join(CONSOLE, 'vite.config.mts'), logLevel: 'warn' });
  fs.writeFileSync(STAMP, current);
  return `console built (${Date.now() - t0} ms)`;
}

module.exports = { buildConsole };

if (require.main === module) {
  buildConsole({ clean: process.argv.includes('--clean') })
    .then((what) => console.log(`klaxon build: ${what}`))
    .catch((err) => {
      console.error(`klaxon build: the console failed to build: ${err.message}`);
      process.exit(1);
    });
}
