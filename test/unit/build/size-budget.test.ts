// The content script runs on every chat page: what it injects at page load (the manifest's
// content-script files and every chunk they load) must stay within 15 KB gzip. npm test builds
// before vitest runs, so this reads the real build; a change that bloats it fails here.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CONTENT_SCRIPT_BUDGET_GZIP, contentScriptFiles, totalGzip } from '../../../scripts/bench/size';

const DIST = resolve(import.meta.dirname, '../../../dist/chrome');

describe('content script size budget (dist/chrome)', () => {
  it('injects at most 15 KB gzip before the first click, every chunk it loads included', () => {
    const files = contentScriptFiles(DIST);
    expect(files.map((f) => f.path)).toContain('src/content/index.js');
    const listing = files.map((f) => `${f.path}: ${f.bytes} B, ${f.gzip} B gzip`).join('; ');
    expect(totalGzip(files), listing).toBeLessThanOrEqual(CONTENT_SCRIPT_BUDGET_GZIP);
  });
});

describe('what the budget counts', () => {
  it('follows the content script into the chunks it imports or loads by URL, each once', () => {
    const dist = mkdtempSync(join(tmpdir(), 'size-budget-'));
    try {
      mkdirSync(join(dist, 'src/content'), { recursive: true });
      mkdirSync(join(dist, 'assets'));
      writeFileSync(join(dist, 'manifest.json'), JSON.stringify({ content_scripts: [{ js: ['src/content/index.js'], css: ['assets/c.css'] }] }));
      writeFileSync(join(dist, 'src/content/index.js'), 'import "../../assets/a.js";(async()=>{await import(chrome.runtime.getURL("assets/b.js"))})()');
      writeFileSync(join(dist, 'assets/a.js'), 'import{x}from"./b.js";console.log(x)');
      writeFileSync(join(dist, 'assets/b.js'), `export const x=${JSON.stringify('y'.repeat(5000))}`);
      writeFileSync(join(dist, 'assets/c.css'), 'a{color:red}');
      const files = contentScriptFiles(dist);
      expect(files.map((f) => f.path).sort()).toEqual(['assets/a.js', 'assets/b.js', 'assets/c.css', 'src/content/index.js']);
      // Sizes are measured, not assumed: the repetitive chunk compresses, the tiny ones barely do.
      const b = files.find((f) => f.path === 'assets/b.js');
      expect(b && b.bytes > 5000 && b.gzip < b.bytes / 20).toBe(true);
      expect(totalGzip(files)).toBe(files.reduce((a, f) => a + f.gzip, 0));
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });
});
