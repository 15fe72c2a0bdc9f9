// On-page cost, with and without the extension, on a 1,000-answer lookalike page: page load,
// a single-page-app render of the whole transcript, and an answer streaming in 2,000 chunks.
// Runs alternate between the two browsers so drift on the machine hits both alike.
import type { Page } from 'playwright-core';
import type { BenchBrowser } from './chromium';
import { installRecorder, timeInsert, timeStream, type InsertResult, type LongTask, type PageRecord } from './probes';
import { mean } from './stats';

export const STREAM_CHUNKS = 2_000;
export const CHUNKS_PER_TASK = 10;
const QUIET_MS = 400;

export interface PageRun {
  /** Page load, with the extension: DOMContentLoaded → all controls present; heartbeat gap before them. */
  loadToControlsMs: number | null;
  mountGapMs: number | null;
  insert: InsertResult;
  streamMeanMs: number;
  streamTotalMs: number;
  streamControlsAfter: boolean;
  longTasks: { load: LongTask[]; insert: LongTask[]; stream: LongTask[] };
}

const record = (page: Page) => page.evaluate(() => {
  const { stopLoadWatch: _s, ...rest } = (window as unknown as { __bench: PageRecord }).__bench;
  return rest;
});
const now = (page: Page) => page.evaluate(() => performance.now());
const between = (tasks: LongTask[], from: number, to: number) => tasks.filter((t) => t.start >= from && t.start < to);

export async function preparePageBrowser(browser: BenchBrowser): Promise<void> {
  await browser.context.addInitScript(installRecorder);
}

export async function pageRun(browser: BenchBrowser, url: string, answers: number): Promise<PageRun> {
  const withExtension = browser.extensionBase !== null;
  const page = await browser.context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    if (withExtension) {
      await page.waitForFunction((n) => (window as unknown as { __bench: PageRecord }).__bench.hosts >= n, answers, { timeout: 30_000, polling: 50 });
    }
    await page.waitForTimeout(QUIET_MS);
    await page.evaluate(() => (window as unknown as { __bench: PageRecord }).__bench.stopLoadWatch());
    const loaded = await record(page);
    const loadEnd = await now(page);

    const insert = await page.evaluate(timeInsert, { expect: withExtension ? answers : Number.POSITIVE_INFINITY });
    if (withExtension && insert.toControlsMs === null) throw new Error(`controls for ${insert.hosts} of ${answers} answers after the re-render`);
    await page.waitForTimeout(QUIET_MS);
    const insertEnd = await now(page);

    const stream = await page.evaluate(timeStream, { chunks: STREAM_CHUNKS, chunksPerTask: CHUNKS_PER_TASK });
    await page.waitForTimeout(QUIET_MS);
    const { longTasks } = await record(page);
    return {
      loadToControlsMs: loaded.hostsAt !== null && loaded.domContentLoadedAt !== null ? loaded.hostsAt - loaded.domContentLoadedAt : null,
      mountGapMs: loaded.mountGap,
      insert,
      streamMeanMs: mean(stream.perChunkMs),
      streamTotalMs: stream.totalMs,
      streamControlsAfter: stream.controlsAfter,
      longTasks: { load: between(longTasks, 0, loadEnd), insert: between(longTasks, loadEnd, insertEnd), stream: between(longTasks, insertEnd, Infinity) },
    };
  } finally {
    await page.close();
  }
}

export interface PagePairs { without: PageRun[]; with: PageRun[] }

export async function pageBench(browsers: { without: BenchBrowser; with: BenchBrowser }, url: string, answers: number, runs: number,
  progress: (line: string) => void): Promise<PagePairs> {
  const out: PagePairs = { without: [], with: [] };
  // One unmeasured run each: the first page load in a profile pays for caches and compilation.
  await pageRun(browsers.without, url, answers);
  await pageRun(browsers.with, url, answers);
  for (let i = 0; i < runs; i++) {
    out.without.push(await pageRun(browsers.without, url, answers));
    out.with.push(await pageRun(browsers.with, url, answers));
    progress(`page run ${i + 1}/${runs}`);
  }
  return out;
}
