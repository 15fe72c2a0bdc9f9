// Builds one flavour of the unpacked extension: `dist/chrome/`, or with BROWSER=firefox
// `dist/firefox/` (`npm run build` runs both).
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx } from '@crxjs/vite-plugin';
import { manifestFor, type Browser } from './manifest.config';
import { zodNoEval } from './scripts/zod-no-eval';

const browser: Browser = process.env.BROWSER === 'firefox' ? 'firefox' : 'chrome';

export default defineConfig({
  plugins: [
    zodNoEval(),
    preact(),
    crx({
      manifest: manifestFor(browser),
      browser,
      // The content script runs on every chat page: one self-contained file, no loader.
      contentScripts: { standaloneFiles: ['src/content/index.ts'] },
    }),
  ],
  build: {
    outDir: `dist/${browser}`,
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    sourcemap: false,
    rollupOptions: { input: { dialog: 'src/dialog/index.html', history: 'src/history/index.html', explainer: 'src/explainer/index.html' } },
  },
  server: { port: 5173, strictPort: true },
});
