// Scans the built extension (npm test builds before vitest runs) for every way of generating
// code at run time: MV3's CSP forbids it and AMO's linter flags it. zod keeps such paths even in
// jitless mode; scripts/zod-no-eval.ts strips them, and this proves nothing came back.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');
const FLAVOURS = ['chrome', 'firefox'] as const;

/** Code generation, direct or through an alias. Function.call/apply/bind are plain method reuse. */
const FORBIDDEN: [string, RegExp][] = [
  ['eval call', /\beval\s*\(/],
  ['eval as a value', /(?:[=(,:?]\s*|\.)eval\s*[,;)}]|\.eval\s*\(/],
  ['Function constructor', /\bnew\s+Function\b|\bFunction\s*\(/],
  ['Function as a value', /(?:[=(,:?]|return|=>)\s*Function\s*[,;)}\]]/],
  ['Function reached through a prototype', /\bFunction\s*\.\s*prototype\s*\.\s*constructor\b|\.constructor\s*\.\s*constructor\b/],
  ['Function reached by name', /\[\s*["'`]constructor["'`]\s*\]\s*\(/],
  ['string timer', /\bset(?:Timeout|Interval)\s*\(\s*["'`]/],
];

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.js'))
    .map((e) => join(e.parentPath, e.name));
}

function findCodeGeneration(code: string): string[] {
  return FORBIDDEN.filter(([, re]) => re.test(code)).map(([name, re]) => `${name}: …${re.exec(code)?.[0]}…`);
}

describe('the scan itself', () => {
  it('finds each form of code generation and lets method reuse through', () => {
    for (const bad of ['eval("1")', 'x=(0,eval)', 'globalThis.eval(s)', 'new Function("a","return a")', 'Function(``)',
      'let e=Function,t=1', 'return Function}', 'Function.prototype.constructor("x")', 'f.constructor.constructor("x")',
      'o["constructor"]("x")', 'setTimeout("go()",1)']) {
      expect(findCodeGeneration(bad), bad).not.toEqual([]);
    }
    for (const ok of ['c=Function.call.bind(Object.prototype.hasOwnProperty)', 'typeof x=="function"', 'isAsyncFunction(f)',
      '$ZodFunction(def)', '{inspectedWindow:{eval:{minArgs:1}}}', 'throw EvalError(`no`)', 'setTimeout(()=>go(),1)']) {
      expect(findCodeGeneration(ok), ok).toEqual([]);
    }
  });
});

describe.each(FLAVOURS)('dist/%s', (flavour) => {
  const dir = join(ROOT, 'dist', flavour);

  it('holds a build (run npm run build first)', () => {
    expect(existsSync(join(dir, 'manifest.json')), `no build at ${dir}`).toBe(true);
  });

  it('generates no code at run time in any script', () => {
    const files = existsSync(dir) ? jsFiles(dir) : [];
    expect(files.length).toBeGreaterThan(3);
    const found = files.flatMap((f) => findCodeGeneration(readFileSync(f, 'utf8')).map((hit) => `${relative(ROOT, f)}: ${hit}`));
    expect(found).toEqual([]);
  });
});

// web-ext lint warns about Preact's one `innerHTML =`, reachable only through
// dangerouslySetInnerHTML; the README's Firefox section relies on no source using it.
it('no source sets markup through dangerouslySetInnerHTML', () => {
  const sources = readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f))
    .filter((f) => readFileSync(join(ROOT, 'src', f), 'utf8').includes('dangerouslySetInnerHTML'));
  expect(sources).toEqual([]);
});
