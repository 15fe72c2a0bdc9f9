// Compiles a Node entry (TypeScript, with the collector's ?raw demo files) into one ES module
// under dist/server, so Node 20 runs it without a TypeScript loader. The entry comes from the
// command line: `vite build -c scripts/vite.server.config.ts --ssr scripts/collector.ts`.
// Packages stay external and load from node_modules (better-sqlite3 is native).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const repo = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

export default defineConfig({
  root: repo(''),
  // No public/ copy: that folder belongs to the extension build.
  publicDir: false,
  build: {
    outDir: repo('dist/server'),
    // Several entries share the folder (collector, start): one build must not delete another's.
    emptyOutDir: false,
    target: 'node20',
    minify: false,
    sourcemap: true,
  },
});
