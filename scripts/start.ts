// `npm start`: builds the extension if its sources changed since the last build, then runs the
// reference collector with the demo chat and prints what to do next. Flags go to the collector.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { USAGE } from '../src/collector/cli-args';
import { exitWith, serve } from './serve';

// npm runs scripts from the package root; the bundled script lives in dist/server, so cwd it is.
const ROOT = process.cwd();
const BUILT = join(ROOT, 'dist/chrome/manifest.json');
const SOURCES = ['src', 'public', 'manifest.config.ts', 'vite.config.ts', 'package.json'];

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

export function extensionIsStale(): boolean {
  if (!existsSync(BUILT)) return true;
  const built = statSync(BUILT).mtimeMs;
  return SOURCES.some((s) => existsSync(join(ROOT, s)) && newestMtime(join(ROOT, s)) > built);
}

function buildExtension(): boolean {
  console.log('Building the extension into dist/chrome …');
  const vite = join(ROOT, 'node_modules/.bin/vite');
  const run = spawnSync(vite, ['build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, BROWSER: 'chrome' } });
  return run.status === 0;
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  if (!argv.includes('--help') && !argv.includes('-h')) {
    if (extensionIsStale()) {
      if (!buildExtension()) {
        process.stderr.write('start: the extension did not build; see the errors above.\n');
        return 1;
      }
    } else {
      console.log('The extension in dist/chrome is up to date.');
    }
  }
  return serve(argv, {
    usage: USAGE.replace('Usage: npm run collector -- [options]', 'Usage: npm start -- [options]\n\nBuilds the extension (dist/chrome) when its sources changed, then:'),
    nextSteps: (url) => [
      'Next steps:',
      `  1. Load the extension: chrome://extensions → Developer mode → Load unpacked → ${join(ROOT, 'dist/chrome')}`,
      `  2. Open the demo chat: ${url}/demo and press Helpful or Not helpful under an answer`,
      `  3. Watch reports arrive: ${url}/ (review page; export JSONL or KTO from there)`,
    ],
  });
}

exitWith(main(), 'start');
