// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { policyOf } from '../../../src/collector/policy';
import { parseRetention } from '../../../src/collector/retention';
import { CONSENT_KEY } from '../../../src/core/consent';
import { DialogApp } from '../../../src/dialog/DialogApp';
import { draftKey, type Draft } from '../../../src/shared/messages';
import { Envelope } from '../../../src/shared/schema';
import { currentNotice } from '../../../src/ui/explainer';
import { conversation, MARKUP, readableDraft, unreadableDraft } from './drafts';
import { answerSends, fakeBrowser, listenerCount, resetFakeBrowser } from './fake-browser';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser')).fakeBrowser }));

const ID = '6f1c1f5e-8a0e-4c1e-9a55-2f4f3c0b9d11';
const ORIGIN = 'http://127.0.0.1:8787';
const { sendMessage } = fakeBrowser.runtime;

async function openWith(draft: Draft | null) {
  if (draft) await fakeBrowser.storage.session.set({ [draftKey(ID)]: draft });
  render(<DialogApp draftId={ID} />);
  return screen.findByRole('dialog', { name: 'Share feedback' });
}

const sendButton = () => screen.getByRole('button', { name: 'Send feedback' });
const agree = () => screen.getByRole('checkbox', { name: /agree/ });
const sentEnvelopes = () => sendMessage.mock.calls
  .map(([m]) => m as { type: string; envelope?: unknown })
  .filter((m) => m.type === 'report:send')
  .map((m) => m.envelope);

beforeEach(() => {
  resetFakeBrowser();
  // No collector in unit tests: the policy request fails, so the endpoint declares nothing.
  vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('offline'); }));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('feedback dialog', () => {
  it('is a modal dialog named by its heading, with the heading focused first', async () => {
    const dialog = await openWith(readableDraft());
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    const heading = within(dialog).getByRole('heading', { level: 1, name: 'Share feedback' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
  });

  it('offers reasons only for Not helpful, and the rating can be switched', async () => {
    await openWith(readableDraft('helpful'));
    await screen.findByRole('textbox', { name: 'Comment' });
    expect(screen.queryByRole('group', { name: /What was wrong/ })).toBeNull();
    fireEvent.click(screen.getByRole('radio', { name: 'Not helpful' }));
    const reasons = screen.getByRole('group', { name: /What was wrong/ });
    expect(within(reasons).getAllByRole('checkbox').map((c) => c.parentElement?.textContent)).toEqual([
      'Not factually correct', "Didn't follow instructions", "Refused when it shouldn't have",
      'Harmful or offensive', 'Incomplete', 'Other',
    ]);
    fireEvent.click(screen.getByRole('radio', { name: 'Helpful' }));
    expect(screen.queryByRole('group', { name: /What was wrong/ })).toBeNull();
  });

  it('explains what is shared and names the receiving origin, not the chat provider', async () => {
    await openWith(readableDraft());
    const explainer = await screen.findByRole('region', { name: 'What you share' });
    const text = explainer.textContent ?? '';
    expect(text).toContain(`Your report goes to ${ORIGIN}`);
    expect(text).toContain("not the chat provider's own feedback");
    expect(text).toContain('up to 10 years');
    expect(text).toContain('Google Drive');
    expect(text).toContain(`${ORIGIN} declares no policy`);
  });

  it('asks for agreement until given: Send stays disabled until the box is ticked', async () => {
    await openWith(readableDraft());
    await screen.findByRole('checkbox', { name: /agree/ });
    expect(sendButton()).toHaveProperty('disabled', true);
    fireEvent.click(agree());
    expect(sendButton()).toHaveProperty('disabled', false);
  });

  it('does not ask again once this exact notice was accepted, and asks again when the endpoint changes', async () => {
    const notice = await currentNotice(ORIGIN, null);
    await fakeBrowser.storage.local.set({
      [CONSENT_KEY]: { noticeVersion: notice.version, noticeHash: notice.hash, acceptedAt: '2026-11-01T00:00:00.000Z', locale: 'en' },
    });
    await openWith(readableDraft());
    await waitFor(() => expect(sendButton()).toHaveProperty('disabled', false));
    expect(screen.queryByRole('checkbox', { name: /agree/ })).toBeNull();
    cleanup();

    await fakeBrowser.storage.local.set({ options: { endpoint: 'http://localhost:9999/v1/feedback' } });
    await openWith(readableDraft());
    expect(await screen.findByRole('checkbox', { name: /agree/ })).toBeTruthy();
  });

  it('sends exactly the JSON the preview shows, records consent, and shows the receipt', async () => {
    answerSends(async () => ({ ok: true, status: 201, receipt: { id: 'rcpt-42', received_at: '2026-11-28T10:00:00Z' } }));
    await openWith(readableDraft());
    fireEvent.click(await screen.findByRole('checkbox', { name: /agree/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Incomplete' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Comment' }), { target: { value: '  misses step 3 ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Exact data sent (JSON)' }));
    const shown: unknown = JSON.parse(screen.getByLabelText('Exact JSON body').textContent ?? '');
    fireEvent.click(sendButton());

    expect(await screen.findByText('Sent.')).toBeTruthy();
    expect(screen.getByText(/rcpt-42/)).toBeTruthy();
    expect(sentEnvelopes()).toEqual([shown]);
    const envelope = Envelope.parse(shown);
    expect(envelope.report).toMatchObject({
      rating: 'not_helpful', reasons: ['incomplete'], comment: 'misses step 3', rated_turn: 1,
      consent: { locale: 'en', trusted_tester: false }, client: { extension_version: '0.1.0', browser: 'chrome' },
    });
    const stored = fakeBrowser.storage.local.store.get(CONSENT_KEY) as Record<string, string>;
    expect(stored).toMatchObject({ noticeVersion: envelope.report.consent.notice_version, noticeHash: envelope.report.consent.notice_hash, locale: 'en' });
    expect(JSON.stringify(envelope)).not.toContain(stored.acceptedAt);
    expect(screen.queryByRole('button', { name: 'Send feedback' })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Close' })));
  });

  it('shows a failed send honestly, keeps the form, and retries the same report under the same id', async () => {
    answerSends(async () => ({ ok: false, error: 'unreachable', message: 'TypeError: Failed to fetch' }));
    await openWith(readableDraft());
    fireEvent.click(await screen.findByRole('checkbox', { name: /agree/ }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Comment' }), { target: { value: 'keep me' } });
    fireEvent.click(sendButton());

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Not sent.');
    expect(alert.textContent).toContain('could not be reached');
    expect(document.body.textContent).not.toMatch(/thank/i);
    expect(screen.queryByText('Sent.')).toBeNull();
    expect(screen.getByRole('textbox', { name: 'Comment' })).toHaveProperty('value', 'keep me');
    await waitFor(() => expect(sendButton()).toHaveProperty('disabled', false));

    fireEvent.click(sendButton());
    await waitFor(() => expect(sentEnvelopes()).toHaveLength(2));
    const [first, second] = sentEnvelopes() as Envelope[];
    expect(second).toEqual(first);
  });

  it('shows an HTTP refusal with the status and the endpoint\'s words', async () => {
    answerSends(async () => ({ ok: false, error: 'unauthorized', status: 401, message: 'bad token' }));
    await openWith(readableDraft('helpful'));
    fireEvent.click(await screen.findByRole('checkbox', { name: /agree/ }));
    fireEvent.click(sendButton());
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('token is missing or wrong');
    expect(alert.textContent).toContain('401');
    expect(alert.textContent).toContain('The endpoint said: bad token');
  });

  it('treats an answer that is not a send result as a failure, never as sent', async () => {
    answerSends(async () => ({ ok: false, error: 'refused', why: 'not in a tab' }));
    await openWith(readableDraft());
    fireEvent.click(await screen.findByRole('checkbox', { name: /agree/ }));
    fireEvent.click(sendButton());
    expect((await screen.findByRole('alert')).textContent).toContain('could not pass the report on');
  });

  it('refuses to send a conversation it could not read', async () => {
    await openWith(unreadableDraft);
    expect((await screen.findByRole('alert')).textContent).toContain('could not be read');
    expect(screen.queryByRole('button', { name: 'Send feedback' })).toBeNull();
    expect(screen.queryByRole('textbox', { name: 'Comment' })).toBeNull();
  });

  it('refuses a stored draft that is not a draft', async () => {
    await fakeBrowser.storage.session.set({ [draftKey(ID)]: { site: 'claude.ai', rating: 'helpful' } });
    await openWith(null);
    expect((await screen.findByRole('alert')).textContent).toContain('no conversation to report');
    expect(screen.queryByRole('button', { name: 'Send feedback' })).toBeNull();
  });

  it('waits for a draft stored after the page opened, then stops listening', async () => {
    await openWith(null);
    expect(screen.getByRole('status').textContent).toContain('Loading');
    await fakeBrowser.storage.session.set({ [draftKey(ID)]: readableDraft() });
    expect(await screen.findByRole('textbox', { name: 'Comment' })).toBeTruthy();
    // The draft watcher is gone; what stays is the options watcher, removed when the dialog closes.
    expect(listenerCount()).toBe(1);
    cleanup();
    await waitFor(() => expect(listenerCount()).toBe(0));
  });

  it('names the new endpoint and asks again when the options change while it is open, keeping what was typed', async () => {
    await openWith(readableDraft());
    fireEvent.click(await screen.findByRole('checkbox', { name: /agree/ }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Comment' }), { target: { value: 'keep me' } });
    const moved = 'http://localhost:9999/v1/feedback';
    await fakeBrowser.storage.local.set({ options: { endpoint: moved } });
    await screen.findByText(/Your report goes to http:\/\/localhost:9999/);
    await waitFor(() => expect(sendButton()).toHaveProperty('disabled', true));
    expect(agree()).toHaveProperty('checked', false);
    expect(screen.getByRole('textbox', { name: 'Comment' })).toHaveProperty('value', 'keep me');
    fireEvent.click(agree());
    fireEvent.click(sendButton());
    await waitFor(() => expect(sentEnvelopes()).toHaveLength(1));
    const sent = sendMessage.mock.calls.map(([m]) => m as { type: string; endpoint?: string }).find((m) => m.type === 'report:send');
    expect(sent?.endpoint).toBe(moved);
  });

  it('closes on Escape and on Cancel through the background', async () => {
    await openWith(readableDraft());
    await screen.findByRole('textbox', { name: 'Comment' });
    fireEvent.keyDown(document, { key: 'Escape' });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(sendMessage.mock.calls.map(([m]) => m).filter((m) => (m as { type: string }).type !== 'draft:get'))
      .toEqual([{ type: 'dialog:close' }, { type: 'dialog:close' }]);
  });

  it('keeps Tab focus inside the dialog', async () => {
    const dialog = await openWith(readableDraft());
    await screen.findByRole('checkbox', { name: /agree/ });
    fireEvent.click(agree());
    const send = sendButton();
    send.focus();
    fireEvent.keyDown(document, { key: 'Tab' });
    expect(document.activeElement).toBe(within(dialog).getByRole('radio', { name: 'Helpful' }));
    fireEvent.keyDown(document, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(send);
  });

  it('shows markup in the conversation literally, as text', async () => {
    await openWith(readableDraft());
    expect(await screen.findByText(`Please explain ${MARKUP}`)).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('.turns b')).toBeNull();
  });

  it('previews turns in order with pasted text, file metadata, left-out integration content and settings', async () => {
    await openWith(readableDraft());
    const preview = await screen.findByRole('region', { name: 'What will be sent' });
    const text = preview.textContent ?? '';
    const order = ['Please explain', 'PASTED-CANARY', 'report.pdf', 'Left out: Google Drive content', 'Here is the answer.', 'const x = 1;'];
    expect(order.map((s) => text.indexOf(s))).toEqual([...order.map((s) => text.indexOf(s))].sort((a, b) => a - b));
    expect(order.every((s) => text.includes(s))).toBe(true);
    expect(text).toContain('claude-test-model');
    expect(text).toContain('web_search: on');
    expect(text).toContain('1 × Google Drive content');
    expect(text).toContain("site's own record");
  });

  it('warns when the conversation came from the page or does not match it', async () => {
    await openWith(readableDraft('helpful', conversation({ source: 'page', complete: false, matches_page: false })));
    const notes = (await screen.findAllByRole('note')).map((n) => n.textContent);
    expect(notes.some((n) => n?.includes('may not show the whole conversation'))).toBe(true);
    expect(notes.some((n) => n?.includes('ends with a different answer'))).toBe(true);
  });

  it('shows the policy the reference collector declares, and its hash differs from no policy', async () => {
    const policy = policyOf({ operator: 'QA Lab', retention: parseRetention('10y'), maxBodyBytes: 5_000_000 });
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(policy), { headers: { 'content-type': 'application/json' } })));
    answerSends(async () => ({ ok: true, status: 201, receipt: null }));
    await openWith(readableDraft());
    const explainer = await screen.findByRole('region', { name: 'What you share' });
    await waitFor(() => expect(explainer.textContent).toContain('Run by: QA Lab'));
    const lines = within(explainer).getAllByRole('listitem').map((li) => li.textContent);
    expect(lines).toEqual([
      `${ORIGIN} declares a policy for the reports it receives.`,
      'Run by: QA Lab',
      'Keeps reports for 10 years (about 3650 days), then deletes them.',
      'Uses reports for: analysing the service, research, studying how people use it, training AI models',
      'Keeps anything that could identify you apart from the report.',
      'Does not combine a report with your other reports or conversations.',
      'Does not store your IP address or browser details.',
    ]);
    fireEvent.click(agree());
    fireEvent.click(sendButton());
    expect(await screen.findByText(/returned no receipt/)).toBeTruthy();
    const [sent] = sentEnvelopes() as Envelope[];
    expect(sent?.report.consent.notice_hash).toBe((await currentNotice(ORIGIN, policy)).hash);
    expect(sent?.report.consent.notice_hash).not.toBe((await currentNotice(ORIGIN, null)).hash);
  });
});
