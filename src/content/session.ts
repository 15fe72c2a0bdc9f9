// One session per conversation shown: mounts controls on its answers and undoes everything
// when the signal aborts (the user moved to another chat without a page load).
import browser from 'webextension-polyfill';
import type { ContentToBackground, Draft, Rating } from '../shared/messages';
import type { CaptureResult, FetchJson, SiteAdapter } from '../sites/types';
import { createControls, HOST_ATTRIBUTE, type ControlsLabels } from './controls';
import type { QuickSend } from './quick';
import { openDialogFrame } from './frame';
import { observeAnswers } from './observer';

/** Same-origin GET with the page's cookies: the content script's only network call. */
export const fetchJson: FetchJson = async (path) => {
  if (!path.startsWith('/')) throw new Error('same-origin paths only');
  const res = await fetch(new URL(path, location.origin), { credentials: 'include', headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.json();
};

async function rate(adapter: SiteAdapter, answer: Element, rating: Rating, button: HTMLElement): Promise<void> {
  const id = crypto.randomUUID();
  // The frame opens at once; the draft follows when the conversation has been read.
  openDialogFrame(id, button);
  let capture: CaptureResult;
  try {
    capture = await adapter.capture(document, answer, fetchJson);
  } catch (err) {
    capture = { ok: false, error: 'unreadable', detail: String(err).slice(0, 300) };
  }
  const draft: Draft = { site: adapter.id, rating, capture };
  const message: ContentToBackground = { type: 'draft:put', id, draft };
  await browser.runtime.sendMessage(message);
}

/** At most this many answers get their controls per task… */
export const MOUNT_SLICE = 400;
/** …and a task stops mounting after this long. */
export const MOUNT_BUDGET_MS = 35;

/** With `quick` (trusted-tester mode) a click sends after the undo time instead of opening the dialog. */
export function startSession(adapter: SiteAdapter, labels: ControlsLabels, onMutations: () => void, signal: AbortSignal, quick?: QuickSend): void {
  const hosts = new Set<HTMLElement>();
  const mount = (answer: Element) => {
    const parent = adapter.controlsParent(answer);
    // Never twice: a re-render that kept our host keeps it; one that dropped it gets a new one.
    if (parent.querySelector(`:scope > [${HOST_ATTRIBUTE}]`)) return;
    const host: HTMLElement = createControls(labels, (rating, button) => {
      const run = quick ? quick(answer, rating, host) : rating ? rate(adapter, answer, rating, button) : Promise.resolve();
      run.catch((err: unknown) => console.warn('[chat-feedback] rating failed', err));
    });
    parent.append(host);
    hosts.add(host);
  };
  // Answers are mounted in slices, one task each, so a long chat's page load or re-render
  // (hundreds of answers at once) never blocks the page in one long task.
  const queue = new Set<Element>();
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    // Each slice may take MOUNT_BUDGET_MS (and at most MOUNT_SLICE answers): few enough slices that
    // the page is not laid out again after every small one, short enough to stay under 50 ms.
    const start = performance.now();
    let n = 0;
    for (const answer of queue) {
      if (signal.aborted || n++ >= MOUNT_SLICE || performance.now() - start > MOUNT_BUDGET_MS) break;
      queue.delete(answer);
      if (answer.isConnected) mount(answer);
    }
    if (queue.size && !signal.aborted) schedule();
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setTimeout(flush, 0);
  };
  observeAnswers(document.documentElement, adapter, {
    onAnswer: (answer) => {
      queue.add(answer);
      schedule();
    },
    onMutations,
    isOwnHost: (node) => node instanceof Element && node.hasAttribute(HOST_ATTRIBUTE),
  }, signal);
  signal.addEventListener('abort', () => {
    queue.clear();
    for (const host of hosts) host.remove();
    hosts.clear();
  }, { once: true });
}
