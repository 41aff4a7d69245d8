import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createTestApp, TestApp } from '../support/test-app';

const ROOT = join(__dirname, '..', '..');

interface RedoclyProblem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location: { pointer?: string }[];
}

/** Runs Redocly CLI on a file with the repository's redocly.yaml (recommended ruleset), offline. */
async function redoclyLint(file: string): Promise<{ totals: { errors: number; warnings: number; ignored: number }; problems: RedoclyProblem[] }> {
  const cli = join(ROOT, 'node_modules', '@redocly', 'cli', 'bin', 'cli.js');
  const args = [cli, 'lint', file, '--config', join(ROOT, 'redocly.yaml'), '--format', 'json', '--max-problems', '10000'];
  const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' };
  // The CLI exits 1 when it finds errors; its JSON report is on stdout either way.
  const { stdout } = await promisify(execFile)(process.execPath, args, { cwd: ROOT, env, maxBuffer: 64 * 1024 * 1024 }).catch(
    (e: { stdout?: string; stderr?: string }) => {
      if (e.stdout?.trim().startsWith('{')) return { stdout: e.stdout };
      throw new Error(`redocly lint did not run: ${e.stderr ?? e}`);
    },
  );
  return JSON.parse(stdout);
}

describe('the OpenAPI document', () => {
  let t: TestApp;
  let dir: string;

  beforeAll(async () => {
    t = await createTestApp();
    dir = await mkdtemp(join(tmpdir(), 'klaxon-openapi-'));
  });

  afterAll(async () => {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("passes Redocly's recommended ruleset with no error and no warning", async () => {
    const doc = (await t.http().get('/docs/openapi.json').expect(200)).body;
    const file = join(dir, 'openapi.json');
    await writeFile(file, JSON.stringify(doc, null, 2));
    const report = await redoclyLint(file);
    // One line per problem: the rule, where (a JSON pointer into the document) and what to fix.
    const problems = report.problems.map((p) => `${p.severity} ${p.ruleId} at ${p.location[0]?.pointer ?? '?'}: ${p.message}`);
    expect(problems).toEqual([]);
    // Nothing is waived: no rule changed in redocly.yaml, no problem in an ignore file.
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0, ignored: 0 });
    expect(await readFile(join(ROOT, 'redocly.yaml'), 'utf8')).not.toMatch(/^\s*rules\s*:/m);
  });

  it('gives every operation a summary and a tag, every parameter a description, and every response but a 204 a schema', async () => {
    type Operation = {
      summary?: string;
      tags?: string[];
      parameters?: { name: string; in: string; description?: string }[];
      responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
    };
    const doc = (await t.http().get('/docs/openapi.json').expect(200)).body as { paths: Record<string, Record<string, Operation>> };
    const problems: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(operations)) {
        const where = `${method.toUpperCase()} ${path}`;
        if (!op.summary) problems.push(`${where}: no summary (@ApiOperation({ summary }))`);
        if (!op.tags?.length) problems.push(`${where}: no tag (@ApiTags on the controller)`);
        for (const p of op.parameters ?? []) {
          if (!p.description) problems.push(`${where}: ${p.in} parameter ${p.name} has no description (ApiUuidParam, @ApiParam or @ApiQuery)`);
        }
        for (const [status, response] of Object.entries(op.responses)) {
          const typed = Object.values(response.content ?? {}).some((c) => c.schema);
          if (status !== '204' && !typed) problems.push(`${where} ${status}: no schema (a response DTO with @ApiProperty, or ApiErrors)`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('describes every field of every schema, with an example for each plain value', async () => {
    const doc = (await t.http().get('/docs/openapi.json').expect(200)).body as {
      components: { schemas: Record<string, { properties?: Record<string, Record<string, unknown>> }> };
    };
    const problems: string[] = [];
    for (const [name, schema] of Object.entries(doc.components.schemas)) {
      for (const [field, property] of Object.entries(schema.properties ?? {})) {
        const nested = property.$ref !== undefined || property.allOf !== undefined || property.type === 'array';
        if (!property.description) problems.push(`${name}.${field}: no description (@ApiProperty({ description }))`);
        if (!nested && property.example === undefined) problems.push(`${name}.${field}: no example (@ApiProperty({ example }))`);
      }
    }
    expect(problems).toEqual([]);
  });
});
