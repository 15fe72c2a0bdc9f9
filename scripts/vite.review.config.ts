// Builds the collector's review page (src/collector/review) to dist/review, served at /
// (assets under /review/) behind the admin credential. Separate from the extension build.
// Lives in scripts/ so the type-aware lint covers it through tsconfig's include.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

const repo = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

export default defineConfig({
  root: repo('src/collector/review'),
  base: '/review/',
  plugins: [preact()],
  build: {
    outDir: repo('dist/review'),
    emptyOutDir: true,
    target: 'es2022',
    // The page's CSP allows no inline script: keep the build free of the preload polyfill.
    modulePreload: { polyfill: false },
  },
});
