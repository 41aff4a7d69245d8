#!/usr/bin/env node
// Writes the web console's API types (console/src/api/openapi.d.ts) from a
// Klaxon OpenAPI document: `node scripts/console-api-types.mjs openapi.json
// [out.d.ts]` (a running server's document is at /docs/openapi.json). The test
// test/console/api-types.spec.ts generates them from the server of this tree
// and fails when the committed file differs (UPDATE_CONSOLE_TYPES=1 rewrites it).
import { readFile, writeFile } from 'node:fs/promises';
import openapiTS, { astToString } from 'openapi-typescript';

const [input, output] = process.argv.slice(2);
if (!input) {
  console.error('usage: node scripts/console-api-types.mjs <openapi.json> [out.d.ts]');
  process.exit(2);
}
const document = JSON.parse(await readFile(input, 'utf8'));
const header = '// Generated from Klaxon\'s OpenAPI document by scripts/console-api-types.mjs: do not edit.\n';
const text = header + astToString(await openapiTS(document, { alphabetize: true }));
if (output) await writeFile(output, text);
else process.stdout.write(text);
