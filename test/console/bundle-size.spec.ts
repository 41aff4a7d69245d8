import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = path.resolve(__dirname, '../../console/dist');
const LIMIT_BYTES = 300 * 1024;

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

/**
 * The JavaScript a first visit downloads, gzipped: the entry chunk, every chunk it
 * imports statically (the ones index.html preloads), and the first page's chunk
 * with its own imports (the sign-in page, then the incident list after sign-in,
 * both counted). The console is built by the global setup (scripts/build-console.js).
 */
describe('the console bundle', () => {
  it('loads under 300 KB of gzipped JavaScript on the first page', () => {
    const manifest = JSON.parse(readFileSync(path.join(DIST, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
    const files = new Set<string>();
    const add = (key: string) => {
      const chunk = manifest[key];
      if (!chunk || files.has(chunk.file)) return;
      files.add(chunk.file);
      (chunk.imports ?? []).forEach(add);
    };
    const entry = Object.keys(manifest).find((k) => manifest[k].isEntry)!;
    add(entry);
    add('src/pages/sign-in.tsx');
    add('src/pages/incidents.tsx');
    const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
    for (const [, href] of html.matchAll(/<link rel="modulepreload"[^>]*href="\/([^"]+)"/g)) files.add(href);

    const sizes = [...files].map((f) => ({ file: f, gzipBytes: gzipSync(readFileSync(path.join(DIST, f)), { level: 9 }).length }));
    const total = sizes.reduce((sum, s) => sum + s.gzipBytes, 0);
    console.log(`console initial JavaScript: ${(total / 1024).toFixed(1)} KB gzipped (${sizes.map((s) => `${s.file} ${(s.gzipBytes / 1024).toFixed(1)} KB`).join(', ')})`);
    expect(total).toBeLessThan(LIMIT_BYTES);
  });
});
