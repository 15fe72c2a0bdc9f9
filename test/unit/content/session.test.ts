// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SiteAdapter } from '../../../src/sites/types';

vi.mock('webextension-polyfill', () => ({
  default: { runtime: { sendMessage: vi.fn(async () => ({ ok: true })), getURL: (p: string) => `chrome-extension://x/${p}` }, i18n: { getMessage: () => '' } },
}));
const { startSession, MOUNT_SLICE } = await import('../../../src/content/session');
const { HOST_ATTRIBUTE } = await import('../../../src/content/controls');

const adapter: SiteAdapter = {
  id: 'claude.ai',
  matches: () => true,
  conversationKey: (url) => url.pathname,
  answerSelector: '[data-is-streaming]',
  streamingAttribute: 'data-is-streaming',
  isFinished: (el) => el.getAttribute('data-is-streaming') === 'false',
  controlsParent: (el) => el,
  capture: async () => ({ ok: false, error: 'unreadable', detail: 'test' }),
};
const labels = { group: 'Rate this answer', helpful: 'Helpful', notHelpful: 'Not helpful' };
const tick = () => new Promise((r) => setTimeout(r, 0));
/** Mounting runs in tasks after the observer's microtask: two ticks see it done. */
const flush = async () => { await tick(); await tick(); };
const answer = (streaming: boolean) => {
  const el = document.createElement('div');
  el.setAttribute('data-is-streaming', String(streaming));
  el.textContent = 'an answer';
  return el;
};
const hostCount = () => document.querySelectorAll(`[${HOST_ATTRIBUTE}]`).length;

describe('content session', () => {
  beforeEach(() => { document.body.innerHTML = ''; });

  it('mounts controls on finished answers present at start and added later, once each', async () => {
    document.body.append(answer(false), answer(false));
    const controller = new AbortController();
    startSession(adapter, labels, () => {}, controller.signal);
    await flush();
    expect(hostCount()).toBe(2);
    document.body.append(answer(false));
    await flush();
    expect(hostCount()).toBe(3);
    // A re-render that re-inserts the same answer does not add a second set.
    const first = document.body.firstElementChild!;
    document.body.append(first);
    await flush();
    expect(hostCount()).toBe(3);
    controller.abort();
  });

  it('waits for streaming to end, then mounts', async () => {
    const streaming = answer(true);
    document.body.append(streaming);
    const controller = new AbortController();
    startSession(adapter, labels, () => {}, controller.signal);
    await flush();
    expect(hostCount()).toBe(0);
    streaming.setAttribute('data-is-streaming', 'false');
    await flush();
    expect(hostCount()).toBe(1);
    controller.abort();
  });

  it('re-mounts when a re-render drops the controls, and removes everything on abort', async () => {
    const a = answer(false);
    document.body.append(a);
    const controller = new AbortController();
    startSession(adapter, labels, () => {}, controller.signal);
    await flush();
    a.querySelector(`[${HOST_ATTRIBUTE}]`)!.remove();
    await flush();
    expect(hostCount()).toBe(1);
    controller.abort();
    expect(hostCount()).toBe(0);
    document.body.append(answer(false));
    await flush();
    expect(hostCount()).toBe(0);
  });

  it('mounts a long chat in slices, one task each, until every answer has its controls', async () => {
    const total = MOUNT_SLICE + 50;
    for (let i = 0; i < total; i++) document.body.append(answer(false));
    const controller = new AbortController();
    startSession(adapter, labels, () => {}, controller.signal);
    expect(hostCount()).toBe(0); // nothing in the observer's own task
    await tick();
    const first = hostCount();
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThanOrEqual(MOUNT_SLICE); // one slice per task, never the whole chat
    let tasks = 1;
    while (hostCount() < total && tasks < total) {
      await tick();
      tasks++;
    }
    expect(hostCount()).toBe(total);
    expect(tasks).toBeGreaterThan(1);
    controller.abort();
  });

  it('exposes named buttons in an open shadow root and ignores synthetic clicks', async () => {
    document.body.append(answer(false));
    const controller = new AbortController();
    startSession(adapter, labels, () => {}, controller.signal);
    await flush();
    const shadow = document.querySelector(`[${HOST_ATTRIBUTE}]`)!.shadowRoot!;
    const buttons = [...shadow.querySelectorAll('button')].map((b) => b.textContent);
    expect(shadow.querySelector('[role=group]')?.getAttribute('aria-label')).toBe('Rate this answer');
    expect(buttons).toEqual(['Helpful', 'Not helpful']);
    shadow.querySelector('button')!.click(); // isTrusted is false for script clicks
    await flush();
    expect(document.querySelector('[data-chat-feedback-dialog]')).toBeNull();
    controller.abort();
  });
});
