// @vitest-environment happy-dom
// Trusted-tester one-click reports in the content script: nothing leaves before the undo time is
// up, Undo stops it, and the controls show the mode with a named badge and Share conversation.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Captured, SiteAdapter } from '../../../src/sites/types';
import { sampleCaptured } from '../helpers/reports';

const sendMessage = vi.fn(async (_m: unknown): Promise<unknown> => ({ ok: true, status: 201, receipt: null }));
vi.mock('webextension-polyfill', () => ({ default: { runtime: { sendMessage }, i18n: { getMessage: () => '' } } }));
const { createControls } = await import('../../../src/content/controls');
const { quickSender, UNDO_MS } = await import('../../../src/content/quick');
import type { Labels } from '../../../src/content/labels';

const captured: Captured = sampleCaptured();
const adapter = { id: 'claude.ai', capture: vi.fn(async () => ({ ok: true, captured })) } as unknown as SiteAdapter;
const labels = {
  quickPending: 'Sending in a few seconds.', undo: 'Undo', quickUndone: 'Not sent.', sending: 'Sending…', sentHeading: 'Sent.',
  queuedHeading: 'Saved, not delivered yet.', quickFailed: 'Not sent. See settings.', quickUnreadable: 'Not sent: unreadable.',
} as Labels;
const controlLabels = {
  group: 'Rate this answer', helpful: 'Helpful', notHelpful: 'Not helpful',
  tester: { badge: 'Tester', badgeLabel: 'Trusted-tester mode is on', share: 'Share conversation' },
};

/** A click as the browser makes it for a real user (happy-dom leaves isTrusted unset). */
function userClick(el: Element, trusted = true): void {
  const event = new MouseEvent('click', { bubbles: true });
  Object.defineProperty(event, 'isTrusted', { value: trusted });
  el.dispatchEvent(event);
}

const shadow = (host: HTMLElement) => host.shadowRoot!;
const button = (host: HTMLElement, name: string) => [...shadow(host).querySelectorAll('button')].find((b) => b.textContent === name);
const statusText = (host: HTMLElement) => shadow(host).querySelector('[role=status]')?.textContent;

let host: HTMLElement;
beforeEach(() => {
  vi.useFakeTimers();
  sendMessage.mockClear();
  host = createControls(controlLabels, () => {});
  document.body.append(host);
});
afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('tester controls', () => {
  it('show a named Tester badge and a Share conversation button', () => {
    const badge = shadow(host).querySelector('[role=img]');
    expect(badge?.getAttribute('aria-label')).toBe('Trusted-tester mode is on');
    expect(badge?.textContent).toBe('Tester');
    expect(button(host, 'Share conversation')).toBeTruthy();
  });

  it('have no badge, no Share and no status line outside tester mode', () => {
    const plain = createControls({ group: 'g', helpful: 'Helpful', notHelpful: 'Not helpful' }, () => {});
    expect(shadow(plain).querySelector('[role=img], [role=status]')).toBeNull();
    expect([...shadow(plain).querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Helpful', 'Not helpful']);
  });
});

describe('one-click report', () => {
  it('sends nothing before the undo time is up, then hands the conversation to the background', async () => {
    const done = quickSender(adapter, labels)(document.createElement('div'), 'helpful', host);
    await vi.advanceTimersByTimeAsync(UNDO_MS - 1);
    expect(sendMessage).not.toHaveBeenCalled();
    expect(statusText(host)).toBe('Sending in a few seconds.');
    expect(button(host, 'Undo')).toBeTruthy();
    await vi.advanceTimersByTimeAsync(1);
    await done;
    expect(sendMessage).toHaveBeenCalledTimes(1);
    expect(sendMessage.mock.calls[0]![0]).toEqual({ type: 'tester:send', site: 'claude.ai', rating: 'helpful', capture: { ok: true, captured } });
    expect(statusText(host)).toBe('Sent.');
    expect(button(host, 'Undo')).toBeUndefined();
  });

  it('sends nothing when Undo is pressed, and ignores a page script\'s click on Undo', async () => {
    const done = quickSender(adapter, labels)(document.createElement('div'), null, host);
    await vi.advanceTimersByTimeAsync(1_000);
    userClick(button(host, 'Undo')!, false);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(statusText(host)).toBe('Sending in a few seconds.');
    userClick(button(host, 'Undo')!);
    await done;
    await vi.advanceTimersByTimeAsync(UNDO_MS * 2);
    expect(sendMessage).not.toHaveBeenCalled();
    expect(statusText(host)).toBe('Not sent.');
  });

  it('says so when the background refuses (no current tester agreement)', async () => {
    sendMessage.mockResolvedValueOnce({ ok: false, error: 'consent_missing' });
    const done = quickSender(adapter, labels)(document.createElement('div'), 'not_helpful', host);
    await vi.advanceTimersByTimeAsync(UNDO_MS);
    await done;
    expect(statusText(host)).toBe('Not sent. See settings.');
  });

  it('sends nothing for a conversation it could not read', async () => {
    const unreadable = { id: 'claude.ai', capture: async () => ({ ok: false, error: 'unreadable', detail: 'x' }) } as unknown as SiteAdapter;
    const done = quickSender(unreadable, labels)(document.createElement('div'), 'helpful', host);
    await vi.advanceTimersByTimeAsync(UNDO_MS);
    await done;
    expect(sendMessage).not.toHaveBeenCalled();
    expect(statusText(host)).toBe('Not sent: unreadable.');
  });
});
