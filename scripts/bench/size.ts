// What the content script costs to inject: every file the manifest injects at page load, and
// every chunk those files import (statically, or by URL from the extension: a loader such as
// crxjs's `import(chrome.runtime.getURL(…))`). Shared by `npm run bench` and the size-budget test.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export const CONTENT_SCRIPT_BUDGET_GZIP = 15 * 1024;

export interface SizedFile { path: string; bytes: number; gzip: number }

interface ManifestLike { content_scripts?: { js?: string[]; css?: string[] }[] }

/** Chunk references in built JS: `import … from "x"`, `import "x"`, `import("x")`, `getURL("x.js")`. */
const REFERENCE = /\bimport\s*(?:[\w$*{}\s,]+\s*from\s*)?["'`]([^"'`]+\.m?js)["'`]|\bimport\(\s*["'`]([^"'`]+\.m?js)["'`]|getURL\(\s*["'`]([^"'`]+\.(?:m?js|css))["'`]/g;

function references(code: string, file: string, dist: string): string[] {
  const out: string[] = [];
  for (const m of code.matchAll(REFERENCE)) {
    const spec = (m[1] ?? m[2] ?? m[3]) as string;
    // getURL paths are relative to the extension root; import specifiers to the importing file.
    const path = m[3] !== undefined || spec.startsWith('/')
      ? normalize(spec.replace(/^\//, ''))
      : normalize(relative(dist, join(dirname(join(dist, file)), spec)));
    out.push(path);
  }
  return out;
}

/**
 * The files a page pays for before the first click, found from the manifest: the content
 * scripts' JS and CSS and, transitively, every chunk they reference. A chunk referenced only
 * after a click (if the dialog's code were ever split out and imported on demand) is still
 * counted here, because a static read cannot tell when an import runs; the bench's in-browser
 * check lists what actually loaded.
 */
export function contentScriptFiles(dist: string): SizedFile[] {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as ManifestLike;
  const queue = (manifest.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]);
  const seen = new Set<string>();
  const files: SizedFile[] = [];
  while (queue.length > 0) {
    const path = queue.shift() as string;
    if (seen.has(path)) continue;
    seen.add(path);
    const full = join(dist, path);
    if (!existsSync(full)) throw new Error(`${path} is referenced by the content script but missing from ${dist}`);
    const bytes = readFileSync(full);
    files.push({ path, bytes: bytes.length, gzip: gzipSync(bytes).length });
    if (/\.m?js$/.test(path)) queue.push(...references(bytes.toString('utf8'), path, dist));
  }
  return files;
}

export const totalGzip = (files: readonly SizedFile[]): number => files.reduce((a, f) => a + f.gzip, 0);
export const totalBytes = (files: readonly SizedFile[]): number => files.reduce((a, f) => a + f.bytes, 0);
