// Store packages from the built extension (run `npm run build` first; `npm run package` does):
//   dist/packages/chat-feedback-capture-chrome-<version>.zip   Chrome Web Store upload
//   dist/packages/chat-feedback-capture-firefox-<version>.zip  AMO upload (web-ext build)
//   dist/packages/chat-feedback-capture-source-<version>.zip   the source AMO asks for (git archive of HEAD)
// The version is package.json's; a build whose manifest says otherwise is refused.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stdout } from 'node:process';

const root = resolve(import.meta.dirname, '..');
const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const out = join(root, 'dist', 'packages');
const webExt = join(root, 'node_modules', '.bin', 'web-ext');
mkdirSync(out, { recursive: true });

for (const flavour of ['chrome', 'firefox']) {
  const dir = join(root, 'dist', flavour);
  const manifest = join(dir, 'manifest.json');
  if (!existsSync(manifest)) throw new Error(`no build at dist/${flavour}: run npm run build`);
  const built = JSON.parse(readFileSync(manifest, 'utf8')).version;
  if (built !== version) throw new Error(`dist/${flavour} is version ${built}, package.json says ${version}: rebuild`);
  // web-ext build only zips the directory (with its manifest at the top, as both stores want).
  execFileSync(webExt, ['build', '--source-dir', dir, '--artifacts-dir', out, '--filename', `${name}-${flavour}-${version}.zip`,
    '--overwrite-dest', '--no-config-discovery'], { stdio: ['ignore', 'ignore', 'inherit'] });
  stdout.write(`dist/packages/${name}-${flavour}-${version}.zip\n`);
}

const source = `${name}-source-${version}.zip`;
execFileSync('git', ['archive', '--format=zip', `--prefix=${name}-${version}/`, '-o', join(out, source), 'HEAD'], { cwd: root });
stdout.write(`dist/packages/${source}\n`);
