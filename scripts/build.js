#!/usr/bin/env node
// The build behind `npm install` / `npm ci` (the `prepare` script) and `npm start`
// (`prestart`): compiles src/ and migrations/ into dist/ file by file, and only
// the files that changed since the last run (dist/.build-manifest.json records
// each source's size and mtime). Nothing changed: it returns in a fraction of a
// second. It does not type-check (tsconfig.json has `isolatedModules`, so each
// file compiles on its own to the same JavaScript `tsc` emits): `npm run
// typecheck`, `npm test` and `npm run build` (`nest build`, for releases and the
// Docker image) do. Outputs of deleted sources are removed. Each file is written
// to a temporary name and renamed, so a Klaxon running from this tree never
// reads a half-written file.
//
// Then the web console: scripts/build-console.js (vite build of console/ into
// console/dist, again only when its sources changed).
//
//   node scripts/build.js            build what changed
//   node scripts/build.js --clean    rebuild everything
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'dist');
const MANIFEST = path.join(OUT, '.build-manifest.json');
const t0 = Date.now();

let ts;
try {
  ts = require('typescript');
} catch {
  // `npm ci --omit=dev`: a production install runs a dist/ (and console/dist) built elsewhere.
  if (!fs.existsSync(path.join(OUT, 'src', 'main.js'))) {
    console.error('klaxon build: typescript is not installed (a production install?) and dist/ is missing: run `npm install` with dev dependencies, or `npm run build` elsewhere and copy dist/.');
    process.exit(process.env.npm_lifecycle_event === 'prepare' ? 0 : 1);
  }
  process.exit(0);
}

const parsed = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, 'tsconfig.build.json'), {}, {
  ...ts.sys,
  onUnRecoverableConfigFileDiagnostic: (d) => {
    throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  },
});
const options = parsed.options;
// Anything that changes every output: the compiler and its options.
const settings = JSON.stringify({ ts: ts.version, options: parsed.raw.compilerOptions, base: fs.readFileSync(path.join(ROOT, 'tsconfig.json'), 'utf8') });

let previous = { settings: null, files: {} };
if (!process.argv.includes('--clean')) {
  try {
    previous = JSON.parse(fs.readFileSync(MANIFEST, 'utf8'));
  } catch {
    // first build, or dist/ deleted: everything is built
  }
}
const sameSettings = previous.settings === settings;

const outputOf = (rel) => path.join(OUT, rel.replace(/\.ts$/, '.js'));
function writeAtomic(file, text) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}

const files = {};
let built = 0;
for (const abs of parsed.fileNames) {
  const rel = path.relative(ROOT, abs);
  const st = fs.statSync(abs);
  const stamp = { size: st.size, mtimeMs: st.mtimeMs };
  files[rel] = stamp;
  const before = previous.files[rel];
  const out = outputOf(rel);
  if (sameSettings && before && before.size === stamp.size && before.mtimeMs === stamp.mtimeMs && fs.existsSync(out)) continue;
  const result = ts.transpileModule(fs.readFileSync(abs, 'utf8'), { compilerOptions: options, fileName: abs, reportDiagnostics: true });
  const errors = (result.diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length) {
    const where = (d) => (d.file && d.start !== undefined ? `${rel}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}` : rel);
    for (const d of errors) console.error(`klaxon build: ${where(d)}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    process.exit(1);
  }
  writeAtomic(out, result.outputText);
  if (result.sourceMapText) writeAtomic(`${out}.map`, result.sourceMapText);
  built++;
}

// Outputs whose source is gone (a deleted or renamed file).
let removed = 0;
for (const rel of Object.keys(previous.files)) {
  if (files[rel]) continue;
  for (const f of [outputOf(rel), `${outputOf(rel)}.map`]) {
    if (fs.existsSync(f)) {
      fs.rmSync(f);
      removed++;
    }
  }
}

if (built || removed || !sameSettings) writeAtomic(MANIFEST, JSON.stringify({ settings, files }));
const what = built || removed ? `compiled ${built} of ${parsed.fileNames.length} files${removed ? `, removed ${removed} stale outputs` : ''}` : 'up to date';
console.log(`klaxon build: ${what} (${Date.now() - t0} ms)`);

// The web console (console/ -> console/dist), rebuilt only when its sources changed.
require('./build-console')
  .buildConsole({ clean: process.argv.includes('--clean') })
  .then((what) => console.log(`klaxon build: ${what}`))
  .catch((err) => {
    console.error(`klaxon build: the console failed to build: ${err.message}`);
    process.exit(1);
  });
