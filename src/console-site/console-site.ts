import { statSync } from 'node:fs';
import path from 'node:path';
import { installationRoot } from '../common/klaxon-version';
import type { AppConfig } from '../config/app-config';

/** Where the built console is: KLAXON_CONSOLE_DIR, else console/dist of the installation. */
export function consoleDirectory(config: Pick<AppConfig, 'KLAXON_CONSOLE_DIR'>): string {
  return path.resolve(config.KLAXON_CONSOLE_DIR ?? path.join(installationRoot(), 'console', 'dist'));
}

/** The file a (normalised) path names inside the console folder, or null: none, a folder, or outside it. */
export function consoleFile(root: string, normalisedPath: string): string | null {
  const file = path.resolve(root, `.${normalisedPath}`);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  try {
    return statSync(file).isFile() ? path.relative(root, file) : null;
  } catch {
    return null;
  }
}

/** The page `/` answers when the console has not been built. */
export const CONSOLE_NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Klaxon</title></head>
<body><main><h1>Klaxon is running</h1>
<p>The web console is not built. Build it with <code>npm install</code> (or <code>npm ci</code>) in the Klaxon folder, or
<code>node scripts/build-console.js</code>, then reload this page.</p>
<p>The API is at <a href="/docs">/docs</a>.</p></main></body></html>
`;
