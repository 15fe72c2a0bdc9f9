// Code that runs inside Chromium (serialized by Playwright): it must be self-contained — no
// imports, no helpers from outside each function. Timestamps are performance.now() of the
// frame, or epoch milliseconds (timeOrigin + now) where two frames must be compared.

export interface LongTask { start: number; duration: number }

export interface PageRecord {
  longTasks: LongTask[];
  /** Control hosts seen by the load observer, and when (performance.now()) the last ones arrived. */
  hosts: number;
  hostsAt: number | null;
  /** Page load: the main thread's longest stretch ending when the controls appeared (heartbeat gap). */
  mountGap: number | null;
  domContentLoadedAt: number | null;
  /** Epoch ms of the last trusted click in this frame, and what it hit. */
  clickAt: number | null;
  /** Dialog frame only (epoch ms): heading in the DOM, a frame later, form ready, 'Sent.' shown. */
  headingAt: number | null;
  headingPaintedAt: number | null;
  formAt: number | null;
  sendClickAt: number | null;
  sentAt: number | null;
  stopLoadWatch(): void;
}

/** Installed in every frame before any of its scripts (context.addInitScript). */
export function installRecorder(): void {
  const epoch = () => performance.timeOrigin + performance.now();
  const rec: PageRecord = {
    longTasks: [], hosts: 0, hostsAt: null, mountGap: null, domContentLoadedAt: null, clickAt: null,
    headingAt: null, headingPaintedAt: null, formAt: null, sendClickAt: null, sentAt: null, stopLoadWatch: () => {},
  };
  (window as unknown as { __bench: PageRecord }).__bench = rec;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) rec.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch { /* no longtask support: the list stays empty and the bench says so */ }

  if (location.protocol === 'chrome-extension:') {
    addEventListener('click', (e) => {
      const t = e.target as Element | null;
      if (t?.closest?.('button[type=submit]')) rec.sendClickAt = epoch();
    }, true);
    new MutationObserver(() => {
      if (rec.headingAt === null && document.querySelector('h1#dialog-title')) {
        rec.headingAt = epoch();
        requestAnimationFrame(() => { rec.headingPaintedAt = epoch(); });
      }
      if (rec.formAt === null && document.querySelector('form.feedback button[type=submit]')) rec.formAt = epoch();
      if (rec.sentAt === null && [...document.querySelectorAll('[role=status] strong')].some((s) => s.textContent === 'Sent.')) rec.sentAt = epoch();
    }).observe(document, { childList: true, subtree: true, characterData: true });
    return;
  }

  addEventListener('click', (e) => { if (e.isTrusted) rec.clickAt = epoch(); }, true);
  // Page load: watch for the controls from DOMContentLoaded on (the content script runs at
  // document_idle, after it), with a heartbeat of tiny tasks so the gap before the controls
  // appear bounds the task that added them.
  addEventListener('DOMContentLoaded', () => {
    rec.domContentLoadedAt = performance.now();
    let lastBeat = performance.now();
    let beating = true;
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      lastBeat = performance.now();
      if (beating) channel.port2.postMessage(0);
    };
    channel.port2.postMessage(0);
    const observer = new MutationObserver((records) => {
      let added = 0;
      for (const r of records) for (const n of r.addedNodes) if (n instanceof Element && n.hasAttribute('data-chat-feedback-controls')) added++;
      if (!added) return;
      if (rec.hosts === 0) rec.mountGap = performance.now() - lastBeat;
      rec.hosts += added;
      rec.hostsAt = performance.now();
    });
    observer.observe(document.documentElement, { childList: true, subtree: true });
    rec.stopLoadWatch = () => {
      beating = false;
      observer.disconnect();
    };
  }, { once: true });
}

export interface InsertResult { insertMs: number; toControlsMs: number | null; toFirstCallbackMs: number; toLayoutMs: number; hosts: number }

/**
 * A single-page app renders a whole conversation at once: the transcript's HTML goes in, in one
 * task. Times insertion → our observer's first callback (created after the content script's,
 * so it runs after it) → all controls present → style and layout forced.
 */
export async function timeInsert(args: { expect: number }): Promise<InsertResult> {
  // The page's own markup, as served (no controls in it), is what the app renders again.
  const served = new DOMParser().parseFromString(await (await fetch(location.href)).text(), 'text/html');
  const html = served.querySelector('#transcript')?.innerHTML ?? '';
  const transcript = document.querySelector('#transcript') as HTMLElement;
  transcript.replaceChildren();
  for (let i = 0; i < 3; i++) await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  let hosts = 0;
  let firstCallback: number | null = null;
  let controls: number | null = null;
  let allPresent = () => {};
  const present = new Promise<void>((resolve) => { allPresent = resolve; });
  const observer = new MutationObserver((records) => {
    firstCallback ??= performance.now();
    for (const r of records) for (const n of r.addedNodes) if (n instanceof Element && n.hasAttribute('data-chat-feedback-controls')) hosts++;
    if (controls === null && hosts >= args.expect) {
      controls = performance.now();
      allPresent();
    }
  });
  observer.observe(transcript, { childList: true, subtree: true });
  const t0 = performance.now();
  transcript.innerHTML = html;
  const t1 = performance.now();
  // Both observers' callbacks run in the microtask checkpoint that follows the insertion; the
  // extension mounts its controls in slices over the next tasks, so wait until all are there
  // (bounded: a bench must end even if the controls never come).
  for (let i = 0; i < 5 && controls === null; i++) await Promise.resolve();
  if (controls === null && Number.isFinite(args.expect)) {
    await Promise.race([present, new Promise((r) => setTimeout(r, 20_000))]);
  }
  void document.documentElement.offsetHeight;
  const t2 = performance.now();
  observer.disconnect();
  return {
    insertMs: t1 - t0,
    toFirstCallbackMs: (firstCallback ?? t1) - t0,
    toControlsMs: controls === null ? null : controls - t0,
    toLayoutMs: t2 - t0,
    hosts,
  };
}

export interface StreamResult { chunks: number; perChunkMs: number[]; totalMs: number; controlsAfter: boolean }

/**
 * An answer streams in: `chunks` appends (a text node; every 20th chunk a new paragraph
 * element), `chunksPerTask` to a task as when one network read carries several tokens; every
 * chunk reaches the observers on its own. Each chunk is timed from before the append to our
 * observer's callback, which runs after the content script's.
 */
export async function timeStream(args: { chunks: number; chunksPerTask: number }): Promise<StreamResult> {
  const transcript = document.querySelector('#transcript') as HTMLElement;
  const row = transcript.lastElementChild?.cloneNode(true) as HTMLElement; // the last answer's row
  row.querySelectorAll('[data-chat-feedback-controls]').forEach((n) => n.remove());
  const streaming = row.querySelector('[data-is-streaming]') as HTMLElement;
  streaming.setAttribute('data-is-streaming', 'true');
  const markdown = row.querySelector('.standard-markdown') as HTMLElement;
  markdown.replaceChildren();
  transcript.append(row);
  for (let i = 0; i < 3; i++) await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));

  let delivered: ((t: number) => void) | null = null;
  const observer = new MutationObserver(() => delivered?.(performance.now()));
  observer.observe(transcript, { childList: true, subtree: true, attributes: true });
  const channel = new MessageChannel();
  const nextTask = () => new Promise<void>((r) => { channel.port1.onmessage = () => r(); channel.port2.postMessage(0); });
  const perChunkMs: number[] = [];
  let paragraph: HTMLElement | null = null;
  const start = performance.now();
  for (let i = 0; i < args.chunks; i++) {
    if (i % args.chunksPerTask === 0) await nextTask();
    const seen = new Promise<number>((r) => { delivered = r; });
    const t0 = performance.now();
    if (i % 20 === 0) {
      paragraph = document.createElement('p');
      paragraph.className = 'font-claude-response-body break-words whitespace-normal';
      paragraph.textContent = `chunk ${i} `;
      markdown.append(paragraph);
    } else {
      paragraph?.append(`token${i} `);
    }
    perChunkMs.push((await seen) - t0);
  }
  const totalMs = performance.now() - start;
  observer.disconnect();
  streaming.setAttribute('data-is-streaming', 'false');
  await new Promise((r) => setTimeout(r, 50));
  return { chunks: args.chunks, perChunkMs, totalMs, controlsAfter: !!row.querySelector('[data-chat-feedback-controls]') };
}
