// Everything one `npm run bench` measured, reduced to the figures of the table (medians).
import type { CollectorSummary } from './table';
import type { DialogRun } from './dialog-bench';
import type { LoadRun } from './collector-bench';
import type { Machine } from './machine';
import type { PagePairs, PageRun } from './page-bench';
import type { ReportTiming } from './report-probe';
import type { SizedFile } from './size';
import { medianOf } from './stats';

export interface Results {
  machine: Machine;
  loadAverage: { start: number[]; end: number[] };
  durationS: number;
  size: { files: SizedFile[]; loadedBeforeClick: string[]; loadedAfterClick: string[] };
  page: PagePairs;
  report: ReportTiming[];
  dialogSmall: DialogRun[];
  dialogLarge: DialogRun[];
  load: LoadRun[];
}

type LongTaskPhase = keyof PageRun['longTasks'];

export interface LongTaskFigure { count: number; maxMs: number }

/** Median count of tasks over 50 ms in a phase, and the median of each run's longest. */
export function longTasks(runs: PageRun[], phase: LongTaskPhase): LongTaskFigure {
  return {
    count: medianOf(runs, (r) => r.longTasks[phase].length),
    maxMs: medianOf(runs, (r) => Math.max(0, ...r.longTasks[phase].map((t) => t.duration))),
  };
}

export function collectorSummary(runs: LoadRun[], kind: LoadRun['kind']): CollectorSummary {
  const mine = runs.filter((r) => r.kind === kind);
  return {
    perSecond: medianOf(mine, (r) => r.perSecond),
    p50Ms: medianOf(mine, (r) => r.p50Ms),
    p99Ms: medianOf(mine, (r) => r.p99Ms),
    cpuMsPerRequest: medianOf(mine, (r) => r.cpuMsPerRequest),
    failures: mine.reduce((a, r) => a + r.failures, 0),
    requests: mine.reduce((a, r) => a + r.requests, 0),
  };
}
