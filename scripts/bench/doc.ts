// docs/benchmarks.md, written by every `npm run bench`: the table, the machine, and how each
// figure is measured, so a reader can judge it.
import { machineLine } from './machine';
import type { Results } from './results';
import { CHUNKS_PER_TASK, STREAM_CHUNKS } from './page-bench';
import { CLIENTS, REPORT_BYTES } from './collector-bench';
import { medianOf } from './stats';

export function benchmarksDoc(r: Results, table: string): string {
  const perControlUs = ((medianOf(r.page.with, (x) => x.insert.toControlsMs ?? NaN) - medianOf(r.page.without, (x) => x.insert.toFirstCallbackMs)) / 1000) * 1000;
  return `# Benchmarks

Written by \`npm run bench\` (after \`npm ci\`; it builds the extension and the bench first, then
runs for a few minutes). Figures are medians of ${r.page.with.length} runs unless a row says
otherwise. Do not edit by hand: run the bench again.

**Machine:** ${machineLine(r.machine)}.
Load average (1/5/15 min) at start ${r.loadAverage.start.join(' ')}, at end ${r.loadAverage.end.join(' ')}
(anything above the core count means other work shared the CPU and slowed both columns).
The bench took ${r.durationS.toFixed(0)} s.

${table}

## How each figure is measured

Chromium is Debian's \`/usr/bin/chromium\`, headless, driven by playwright-core exactly as the
end-to-end tests launch it; \`claude.ai\` resolves to the e2e claude.ai lookalike
(\`test/e2e/support\`) on loopback, so the shipped match patterns apply. Two browsers run side by
side, one with \`dist/chrome\` loaded and one with extensions disabled, and the runs alternate
between them (one unmeasured warm-up run each). A recorder is installed in every frame before
the frame's own scripts (\`scripts/bench/probes.ts\`).

- **Content script size**: every file the built manifest injects (\`content_scripts\` JS and CSS),
  and every chunk those files import or load by extension URL, gzip-compressed with Node's
  zlib (default level). The same count is checked by \`npm test\`
  (\`test/unit/build/size-budget.test.ts\`). The bench also lists the extension files Chromium
  actually fetched for the page before the first click (all requests of the browser context to
  the extension's origin); after the click it sees ${r.size.loadedAfterClick.length} (the dialog frame's page and
  its assets), which shows the listing works.
- **Controls for 1,000 answers**: a lookalike page with 1,000 answers and 1,000 questions. The
  page empties its transcript and renders it again in one task (\`innerHTML\`, as a single-page
  app does when a conversation opens), timed with \`performance.now()\`: from the start of the
  insertion to the moment a MutationObserver of the page, created after the content script's,
  has seen all 1,000 control hosts. Observers are called in creation order in the same
  microtask checkpoint, so this includes the extension's whole observer callback. Without the
  extension the same observer's first callback ends the interval. "Through style and layout"
  then forces layout (\`offsetHeight\`) and stops the clock there.
  On page load, the controls are mounted by the content script at \`document_idle\`; the main
  world cannot see when that task starts, so a heartbeat of tiny tasks (MessageChannel) runs
  from DOMContentLoaded, and the gap between the last beat and the controls' arrival bounds the
  task that mounted them.
- **Per streamed chunk**: a finished answer's row is copied to the end of the 1,000-answer page
  with \`data-is-streaming="true"\` and emptied; ${STREAM_CHUNKS} chunks are appended, ${CHUNKS_PER_TASK} per task
  (a text node each; every 20th a new paragraph element), and each chunk is awaited until the
  page's own observer (created after the extension's) has been called. Per-chunk time = append
  → that callback; the figure is the mean over all chunks. Chromium coarsens \`performance.now()\`
  for pages that are not cross-origin isolated; the mean over ${STREAM_CHUNKS} samples averages that out.
- **Long tasks**: a \`PerformanceObserver\` for \`longtask\` (buffered, from document start)
  in the page, split into the three phases above by their start time. A long task counts as
  caused by the extension when the run with it has more of them than without, or a longest one
  over 50 ms and 10 ms longer than without.
- **Report for 1,000 turns**: a lookalike conversation of 1,000 turns whose API JSON is about
  2 MB, all turns rendered on the page. The real claude.ai adapter (\`capture\`) and
  \`buildReport\` / \`buildEnvelope\`, bundled by Vite (\`scripts/bench/report-probe.ts\`), run
  **in the page**, in Chromium's main world on the real DOM, on the last answer: the API JSON is
  fetched and parsed first (reported apart), then capture (API reader, page read of all
  rendered turns, alignment) and the build are timed. Median of ${r.report.length} calls after one warm-up call.
- **Click to dialog**: a trusted click (Playwright, through CDP input) on Helpful in the
  12-message standard lookalike chat; the page stamps the click (capture listener), the dialog
  frame stamps its heading's arrival in the DOM and the next animation frame ("visible"), then
  the form. Epoch milliseconds (\`timeOrigin + now()\`) compare the two frames.
- **Send to delivered**: the reference collector runs in the bench process on a free loopback
  port; the endpoint is set through the options page as a user does. The dialog stamps the
  click on "Send feedback" and the moment "Sent." appears; the collector's \`received_at\` (the
  newest report in its review API) gives "stored". The consent step is done once, before the
  timed runs.
- **Collector**: the collector (\`startCollector\`, SQLite as shipped: WAL, \`synchronous =
  NORMAL\`, a fresh database per run) and a bare \`node:http\` server that reads the body and
  answers 201 run in child processes; ${CLIENTS} clients in the bench process post one ${REPORT_BYTES / 1024} KB
  envelope after another over keep-alive connections (built by \`buildReport\`, checked against
  the schema, a fresh UUID per request as id and Idempotency-Key) for ${'4'} s after a 1 s
  warm-up; ${r.load.length / 2} runs per server. Reports/s counts 201 answers only.

## Findings

- Mounting controls costs about ${perControlUs.toFixed(0)} µs per answer on this machine. The cost is in
  \`src/content/controls.ts\` (\`createControls\`): per answer it creates a host, a shadow root,
  a \`<style>\` element with the stylesheet text, a group, two buttons, two SVGs with paths, sets
  attributes and adds two listeners, each a call from the isolated world into the DOM; and
  \`src/content/observer.ts\` mounts every answer it finds in the same task. Suggested changes
  (not made here: those files belong to the content script's owner): build one control in a
  \`<template>\` once and \`cloneNode(true)\` it per answer; share one constructed stylesheet
  through \`shadowRoot.adoptedStyleSheets\` instead of a \`<style>\` per root; one delegated
  click listener on the shadow root instead of one per button; and mount in slices (e.g. 100
  answers per task, or only answers near the viewport via IntersectionObserver) so no single
  task grows with the length of the chat.
- Per streamed chunk the extension's observer callback runs once per mutation batch: it calls
  the navigation check (\`new URL(location.href)\` and the adapter's \`conversationKey\`) and,
  for each added element, \`matches\` and \`querySelectorAll\` with the answer selector. Text
  nodes are skipped at once. Cheaper: compare \`location.href\` with the last seen string before
  building a URL.
`;
}
