// Bundles the benchmark (`--ssr scripts/bench/bench.ts`) the way the collector is bundled
// (scripts/vite.server.config.ts: one Node 20 ES module, packages external), into dist/bench.
// The e2e lookalike it reuses reads its test-only TLS pair from `./tls/` beside the module, so
// the pair is copied beside the bundle.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { mergeConfig, type Plugin } from 'vite';
import serverConfig from '../vite.server.config';

const repo = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const TLS = ['key', 'crt'].map((ext) => `lookalike-test-only.${ext}`);

const lookalikeTls: Plugin = {
  name: 'bench-lookalike-tls',
  generateBundle() {
    for (const name of TLS) {
      this.emitFile({ type: 'asset', fileName: `tls/${name}`, source: readFileSync(repo(`test/e2e/support/tls/${name}`)) });
    }
  },
};

export default mergeConfig(serverConfig, {
  plugins: [lookalikeTls],
  build: { outDir: repo('dist/bench'), emptyOutDir: true, sourcemap: false },
});
