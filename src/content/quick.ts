// Trusted-tester one-click reports: the thumbs (or Share conversation) read the conversation at
// once, show Undo for UNDO_MS, and only then hand it to the background, which builds and sends
// the report with the tester's consent. Nothing leaves before the undo time has passed.
import browser from 'webextension-polyfill';
import type { ContentToBackground, Rating } from '../shared/messages';
import type { CaptureResult, SiteAdapter } from '../sites/types';
import { showStatus } from './controls';
import type { Labels } from './labels';
import { fetchJson } from './session';

export const UNDO_MS = 5_000;

export type QuickSend = (answer: Element, rating: Rating | null, host: HTMLElement) => Promise<void>;

/** Resolves true when the user pressed Undo (or the controls went away), false once the time is up. */
function undoWindow(host: HTMLElement, labels: Labels): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(!host.isConnected), UNDO_MS);
    showStatus(host, labels.quickPending, {
      label: labels.undo,
      onUndo: () => {
        clearTimeout(timer);
        resolve(true);
      },
    });
  });
}

export function quickSender(adapter: SiteAdapter, labels: Labels): QuickSend {
  return async (answer, rating, host) => {
    const read: Promise<CaptureResult> = adapter.capture(document, answer, fetchJson)
      .catch((err: unknown) => ({ ok: false, error: 'unreadable', detail: String(err).slice(0, 300) }));
    const [undone, capture] = await Promise.all([undoWindow(host, labels), read]);
    if (undone) return showStatus(host, labels.quickUndone);
    if (!capture.ok) return showStatus(host, labels.quickUnreadable);
    showStatus(host, labels.sending);
    const message: ContentToBackground = { type: 'tester:send', site: adapter.id, rating, capture };
    const result = (await browser.runtime.sendMessage(message).catch(() => null) ?? {}) as { ok?: unknown; retryAt?: unknown };
    showStatus(host, result.ok === true ? labels.sentHeading : typeof result.retryAt === 'number' ? labels.queuedHeading : labels.quickFailed);
  };
}
