// The build-time strip of zod's code generation: it covers every zod file that reaches
// Function today, and stops the build when a file reaches it some other way.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stripZodEval } from '../../../scripts/zod-no-eval';

const ZOD = resolve(import.meta.dirname, '../../../node_modules/zod/v4');

describe('stripZodEval', () => {
  it('replaces the Function alias in every zod file that has one', () => {
    const files = readdirSync(ZOD, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
    const aliased = files.filter((f) => /const \w+ = Function;/.test(readFileSync(join(ZOD, f), 'utf8')));
    expect(aliased.length).toBeGreaterThan(0);
    for (const f of aliased) {
      const out = stripZodEval(readFileSync(join(ZOD, f), 'utf8'), f);
      expect(out, f).not.toMatch(/= Function;/);
      expect(out, f).toContain('throw new EvalError(');
    }
  });

  it('turns the alias into a constructor that throws, as a CSP that blocks eval would', async () => {
    const out = stripZodEval('const F = Function; export const make = () => new F("return 1");', 'x.js');
    const mod = await import(`data:text/javascript,${encodeURIComponent(out)}`) as { make: () => unknown };
    expect(() => mod.make()).toThrow(EvalError);
  });

  it('stops the build on any other way of reaching Function or eval', () => {
    for (const code of ['new Function("x")', 'const f = Function(`x`);', 'export default { F: Function }', 'eval("1")']) {
      expect(() => stripZodEval(code, 'zod/v4/core/next.js'), code).toThrow(/zod-no-eval/);
    }
    expect(stripZodEval('// new Function("x") in a comment\nconst a = 1;', 'c.js')).toContain('const a = 1;');
  });
});
