import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createTestApp, TestApp } from '../support/test-app';

const ROOT = join(__dirname, '..', '..');
const TYPES = join(ROOT, 'console', 'src', 'api', 'openapi.d.ts');

/**
 * The console is typed by types generated from this server's OpenAPI document:
 * when an API change alters them, this fails until they are regenerated
 * (UPDATE_CONSOLE_TYPES=1 npx jest test/console/api-types.spec.ts) and the
 * console compiles against them (`npm run typecheck`).
 */
describe('the console API types', () => {
  let t: TestApp;
  let dir: string;

  beforeAll(async () => {
    t = await createTestApp();
    dir = await mkdtemp(join(tmpdir(), 'klaxon-console-types-'));
  });

  afterAll(async () => {
    await t?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('are the ones generated from the OpenAPI document', async () => {
    const res = await t.http().get('/docs/openapi.json').expect(200);
    const doc = join(dir, 'openapi.json');
    const out = join(dir, 'openapi.d.ts');
    await writeFile(doc, JSON.stringify(res.body));
    await promisify(execFile)(process.execPath, [join(ROOT, 'scripts', 'console-api-types.mjs'), doc, out], { cwd: ROOT });
    const generated = await readFile(out, 'utf8');
    if (process.env.UPDATE_CONSOLE_TYPES === '1') await writeFile(TYPES, generated);
    expect(await readFile(TYPES, 'utf8')).toBe(generated);
  });
});
