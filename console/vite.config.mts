import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The web console: built into console/dist by scripts/build.js (npm install,
// npm ci, npm start), served by the API process at `/`. React's JSX is
// compiled by Vite's own transformer (automatic runtime); no plugin needed.
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
    // .vite/manifest.json: the chunk graph, read by test/console/bundle-size.spec.ts.
    manifest: true,
  },
  server: { fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] } },
});
