// Time to build the report for a 1,000-turn, ~2 MB conversation: the real adapter and builder,
// bundled by Vite into the lookalike page and run in Chromium's main world on the real DOM.
import { fileURLToPath } from 'node:url';
import { build, type Rolldown } from 'vite';
import type { BenchBrowser } from './chromium';
import type { ReportTiming } from './report-probe';

const ROOT = process.cwd();

async function probeSource(): Promise<string> {
  const out = await build({
    configFile: false, root: ROOT, logLevel: 'warn', publicDir: false,
    build: {
      write: false, minify: false, target: 'es2022', emptyOutDir: false,
      lib: { entry: fileURLToPath(new URL('report-probe.ts', `file://${ROOT}/scripts/bench/`)), formats: ['iife'], name: 'benchReportProbe' },
    },
  });
  const outputs = (Array.isArray(out) ? out : [out]) as Rolldown.RolldownOutput[];
  const chunk = outputs.flatMap((o) => o.output).find((o) => o.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('the report probe did not build');
  return chunk.code;
}

export async function reportBench(browser: BenchBrowser, url: string, iterations: number): Promise<ReportTiming[]> {
  const source = await probeSource();
  const page = await browser.context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await page.addScriptTag({ content: source });
    const timings: ReportTiming[] = [];
    // The first call compiles and warms the adapter's code paths, as a second rating would find them.
    for (let i = 0; i <= iterations; i++) {
      const t = await page.evaluate(() => (window as unknown as { __benchReport: () => Promise<ReportTiming> }).__benchReport());
      if (i > 0) timings.push(t);
    }
    return timings;
  } finally {
    await page.close();
  }
}
