// `npm run bench`: the performance budget of issue 8, measured. Builds nothing itself (the npm
// script builds the extension and this bundle first); drives Debian's Chromium with and without
// dist/chrome against a claude.ai lookalike on loopback, runs the collector under load, prints
// one table and writes it, with the method, to docs/benchmarks.md.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { startCollector } from '../../src/collector/server';
import { configureEndpoint } from '../../test/e2e/support/browser';
import { standardChat } from '../../test/e2e/support/claude-lookalike';
import { startLookalike } from '../../test/e2e/support/servers';
import { thousandAnswerChat, twoMegabyteChat } from './chats';
import { launchChromium, type BenchBrowser } from './chromium';
import { loadRun, reportTemplate, serveChild, type LoadRun, type ServerKind } from './collector-bench';
import { dialogRun, type DialogRun } from './dialog-bench';
import { benchmarksDoc } from './doc';
import { describeMachine, machineLine } from './machine';
import { pageBench, preparePageBrowser } from './page-bench';
import { reportBench } from './report-bench';
import type { Results } from './results';
import { contentScriptFiles } from './size';
import { renderTable, tableRows } from './table';

const ROOT = process.cwd();
const DIST = resolve(ROOT, 'dist/chrome');
const ENTRY = resolve(process.argv[1] as string);
const RUNS = { page: 5, dialog: 5, dialogLarge: 3, report: 5, load: 3 };
const LOAD = { warmupMs: 1_000, measureMs: 4_000 };

const progress = (line: string) => process.stderr.write(`bench: ${line}\n`);
const loads = () => loadavg().map((x) => Math.round(x * 100) / 100);

async function browserPhase(): Promise<Pick<Results, 'page' | 'report' | 'dialogSmall' | 'dialogLarge'> & { version: string; loadedBeforeClick: string[]; loadedAfterClick: string[] }> {
  const long = thousandAnswerChat();
  const big = twoMegabyteChat();
  const small = standardChat('BENCH', 'BENCH');
  const site = await startLookalike([long, big, small]);
  const dbDir = mkdtempSync(join(tmpdir(), 'cfc-bench-send-'));
  const collector = await startCollector({ dbPath: join(dbDir, 'feedback.sqlite'), port: 0, log: () => {} });
  const browsers: BenchBrowser[] = [];
  try {
    const without = await launchChromium({ extensionDir: null, lookalikePort: site.port });
    browsers.push(without);
    const withExt = await launchChromium({ extensionDir: DIST, lookalikePort: site.port });
    browsers.push(withExt);
    await preparePageBrowser(without);
    await preparePageBrowser(withExt);
    const chatUrl = (id: string) => `https://claude.ai/chat/${id}`;

    progress(`on-page cost, ${RUNS.page} runs with and without the extension`);
    const page = await pageBench({ without, with: withExt }, chatUrl(long.chatId), long.messages.length / 2, RUNS.page, progress);
    await without.close();
    browsers.shift();

    progress('click to dialog, send to delivered');
    await configureEndpoint({
      context: withExt.context, extensionId: '', userDataDir: '', close: async () => {},
      extensionUrl: (path) => `${withExt.extensionBase}${path}`,
    }, `${collector.url}/v1/feedback`);
    const dialogSmall: DialogRun[] = [];
    await dialogRun(withExt, chatUrl(small.chatId), { send: true, collector }); // agrees to the notice, warms up
    for (let i = 0; i < RUNS.dialog; i++) dialogSmall.push(await dialogRun(withExt, chatUrl(small.chatId), { send: true, collector }));
    const dialogLarge: DialogRun[] = [];
    for (let i = 0; i < RUNS.dialogLarge; i++) dialogLarge.push(await dialogRun(withExt, chatUrl(big.chatId), { send: false, collector: null }));

    progress('report for the 1,000-turn conversation');
    const report = await reportBench(withExt, chatUrl(big.chatId), RUNS.report);
    const first = dialogSmall[0];
    return {
      page, report, dialogSmall, dialogLarge, version: withExt.version,
      loadedBeforeClick: [...new Set(dialogSmall.flatMap((d) => d.loadedBeforeClick))],
      loadedAfterClick: first?.loadedAfterClick ?? [],
    };
  } finally {
    for (const b of browsers) await b.close();
    await collector.close();
    await site.close();
    rmSync(dbDir, { recursive: true, force: true });
  }
}

async function collectorPhase(): Promise<LoadRun[]> {
  const template = reportTemplate();
  const runs: LoadRun[] = [];
  for (let i = 0; i < RUNS.load; i++) {
    for (const kind of ['bare', 'collector'] as ServerKind[]) runs.push(await loadRun(ENTRY, kind, template, LOAD));
    progress(`collector load run ${i + 1}/${RUNS.load}`);
  }
  return runs;
}

async function main(): Promise<number> {
  if (!existsSync(join(DIST, 'manifest.json'))) {
    process.stderr.write(`bench: no build at ${DIST}; run it through npm run bench, which builds first\n`);
    return 1;
  }
  const started = performance.now();
  const loadStart = loads();
  const files = contentScriptFiles(DIST);
  const browser = await browserPhase();
  progress(`collector: ${RUNS.load} runs each of ${LOAD.measureMs / 1000} s, bare server and collector`);
  const load = await collectorPhase();
  const results: Results = {
    machine: describeMachine(browser.version),
    loadAverage: { start: loadStart, end: loads() },
    durationS: (performance.now() - started) / 1000,
    size: { files, loadedBeforeClick: browser.loadedBeforeClick, loadedAfterClick: browser.loadedAfterClick },
    page: browser.page, report: browser.report, dialogSmall: browser.dialogSmall, dialogLarge: browser.dialogLarge, load,
  };
  const table = renderTable(tableRows(results));
  console.log(`${machineLine(results.machine)}\nLoad average (1/5/15 min) at start ${results.loadAverage.start.join(' ')}, at end ${results.loadAverage.end.join(' ')}; took ${results.durationS.toFixed(0)} s\n\n${table}`);
  writeFileSync(resolve(ROOT, 'docs/benchmarks.md'), benchmarksDoc(results, table));
  mkdirSync(resolve(ROOT, 'dist/bench'), { recursive: true });
  writeFileSync(resolve(ROOT, 'dist/bench/results.json'), JSON.stringify(results, null, 1));
  progress('wrote docs/benchmarks.md (raw runs: dist/bench/results.json)');
  return 0;
}

const serveAt = process.argv.indexOf('--serve');
if (serveAt >= 0) {
  serveChild(process.argv[serveAt + 1] as ServerKind, process.argv[serveAt + 2] as string).catch((err: unknown) => {
    process.stderr.write(`bench server: ${String(err)}\n`);
    process.exit(1);
  });
} else {
  main().then((code) => { process.exitCode = code; }, (err: unknown) => {
    process.stderr.write(`bench: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exitCode = 1;
  });
}
