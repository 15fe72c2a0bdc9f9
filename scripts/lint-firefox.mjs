// `npm run lint:firefox`: AMO's linter (web-ext lint) on dist/firefox. Errors fail, and so does any
// warning that the README's Firefox section does not explain (listed here with the reason).
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { exit, stderr, stdout } from 'node:process';

const root = resolve(import.meta.dirname, '..');
const EXPLAINED = [
  // Preact's renderer assigns innerHTML only for dangerouslySetInnerHTML, which no source uses
  // (test/unit/build/dist-scan.test.ts checks that).
  { code: 'UNSAFE_VAR_ASSIGNMENT', file: /^assets\/jsxRuntime-[\w-]+\.js$/ },
];

const run = spawnSync(join(root, 'node_modules', '.bin', 'web-ext'),
  ['lint', '--source-dir', join(root, 'dist', 'firefox'), '--output', 'json', '--no-config-discovery'], { encoding: 'utf8' });
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  stderr.write(`web-ext lint gave no report:\n${run.stdout}\n${run.stderr}\n`);
  exit(1);
}
const line = (m) => `  ${m.code} ${m.file ?? ''}${m.line ? `:${m.line}` : ''} ${m.message}\n`;
const unexplained = report.warnings.filter((w) => !EXPLAINED.some((e) => e.code === w.code && e.file.test(w.file ?? '')));
stdout.write(`web-ext lint dist/firefox: ${report.errors.length} errors, ${report.warnings.length} warnings `
  + `(${report.warnings.length - unexplained.length} explained in README), ${report.notices.length} notices\n`);
for (const m of [...report.errors, ...unexplained]) stderr.write(line(m));
exit(report.errors.length || unexplained.length ? 1 : 0);
