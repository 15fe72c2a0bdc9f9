// zod 4 reaches the Function constructor in three places (its `allowsEval` probe, `Doc.compile`
// and the schema compiler) and keeps them in the bundle even in jitless mode. MV3 forbids
// code generation and AMO's linter flags it (DANGEROUS_EVAL), so the build swaps zod's one
// alias `const F = Function` for a constructor that throws: zod then behaves exactly as it
// does under a CSP that blocks eval (the probe answers false, the compiler is never used).
import type { Plugin } from 'vite';

const ZOD_FILE = /[\\/]node_modules[\\/]zod[\\/].*\.[cm]?js$/;
const ALIAS = /\bconst (\w+) = Function;/g;
const NO_EVAL = 'class { constructor() { throw new EvalError("code generation is disabled in this build"); } }';
// Any way of reaching Function that the swap above does not cover: the build stops, so a
// zod upgrade cannot bring code generation back unnoticed.
const LEFTOVER = /\bnew\s+Function\b|\bFunction\s*\(|[=(,:]\s*Function\s*[;,)}]|\beval\s*\(/;

export function stripZodEval(code: string, id: string): string {
  const out = code.replace(ALIAS, (_m, name: string) => `const ${name} = ${NO_EVAL};`);
  const withoutComments = out.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
  if (LEFTOVER.test(withoutComments)) throw new Error(`${id}: zod reaches Function or eval in a way zod-no-eval does not strip`);
  return out;
}

export function zodNoEval(): Plugin {
  return {
    name: 'zod-no-eval',
    enforce: 'pre',
    transform(code, id) {
      if (!ZOD_FILE.test(id.split('?')[0] ?? id) || !code.includes('Function')) return null;
      return { code: stripZodEval(code, id), map: null };
    },
  };
}
