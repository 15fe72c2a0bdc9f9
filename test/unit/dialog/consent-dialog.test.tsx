// @vitest-environment happy-dom
// The dialog's part of issue 5: a changed notice (version, endpoint or policy) asks again; a
// reporter contact sits only in the envelope's reporter part and can be left out; reports sent
// from the dialog are ordinary ones, also in trusted-tester mode; the full explainer is linked.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONSENT_KEY } from '../../../src/core/consent';
import { DialogApp } from '../../../src/dialog/DialogApp';
import { draftKey } from '../../../src/shared/messages';
import { DEFAULT_OPTIONS, OPTIONS_STORAGE_KEY } from '../../../src/shared/options';
import { Envelope } from '../../../src/shared/schema';
import { currentNotice } from '../../../src/ui/explainer';
import { readableDraft } from './drafts';
import { answerSends, fakeBrowser, resetFakeBrowser } from './fake-browser';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser')).fakeBrowser }));

const ID = '7a1c1f5e-8a0e-4c1e-9a55-2f4f3c0b9d12';
const ORIGIN = 'http://127.0.0.1:8787';
const CONTACT = 'tester@example.org';
let policy: unknown = null;

async function open() {
  await fakeBrowser.storage.session.set({ [draftKey(ID)]: readableDraft('helpful') });
  render(<DialogApp draftId={ID} />);
  await screen.findByRole('textbox', { name: 'Comment' });
}
const setOptions = (patch: Partial<typeof DEFAULT_OPTIONS>) => fakeBrowser.storage.local.set({ [OPTIONS_STORAGE_KEY]: { ...DEFAULT_OPTIONS, ...patch } });
const agreeTo = async (p: unknown, version?: string) => {
  const notice = await currentNotice(ORIGIN, p);
  await fakeBrowser.storage.local.set({ [CONSENT_KEY]: { noticeVersion: version ?? notice.version, noticeHash: notice.hash, acceptedAt: '2026-11-01T00:00:00.000Z', locale: 'en' } });
};
const sent = () => fakeBrowser.runtime.sendMessage.mock.calls.map(([m]) => m as { type: string; envelope?: unknown })
  .filter((m) => m.type === 'report:send').map((m) => Envelope.parse(m.envelope));
const send = async () => {
  fireEvent.click(screen.getByRole('button', { name: 'Send feedback' }));
  await screen.findByText('Sent.');
};

beforeEach(() => {
  resetFakeBrowser();
  policy = null;
  answerSends(async () => ({ ok: true, status: 201, receipt: null }));
  vi.stubGlobal('fetch', vi.fn(async () => (policy ? new Response(JSON.stringify(policy)) : new Response('', { status: 404 }))));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('a changed notice asks again', () => {
  it('when the endpoint\'s declared policy changes', async () => {
    policy = { operator: 'Lab A' };
    await agreeTo(policy);
    await open();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Send feedback' })).toHaveProperty('disabled', false));
    expect(screen.queryByRole('checkbox', { name: /agree/ })).toBeNull();
    cleanup();

    policy = { operator: 'Lab B' };
    await open();
    expect(await screen.findByRole('checkbox', { name: /agree/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Send feedback' })).toHaveProperty('disabled', true);
  });

  it('when the notice version changes', async () => {
    await agreeTo(null, '2020-01-01.1');
    await open();
    expect(await screen.findByRole('checkbox', { name: /agree/ })).toBeTruthy();
  });
});

describe('reporter contact', () => {
  it('is attached in the envelope\'s reporter part only, and the dialog says so', async () => {
    await setOptions({ reporterContact: CONTACT });
    await agreeTo(null);
    await open();
    const box = await screen.findByRole('checkbox', { name: `Attach my contact (${CONTACT}) for follow-up questions` });
    expect(box).toHaveProperty('checked', true);
    expect(screen.getByText(/beside the report, not inside it/)).toBeTruthy();
    await send();
    const [envelope] = sent();
    expect(envelope?.reporter).toEqual({ contact: CONTACT });
    expect(JSON.stringify(envelope?.report)).not.toContain(CONTACT);
  });

  it('can be left out of one report', async () => {
    await setOptions({ reporterContact: CONTACT });
    await agreeTo(null);
    await open();
    fireEvent.click(await screen.findByRole('checkbox', { name: /Attach my contact/ }));
    await send();
    expect(sent()[0]).not.toHaveProperty('reporter');
    expect(JSON.stringify(sent()[0])).not.toContain(CONTACT);
  });

  it('is not offered when none is set', async () => {
    await open();
    expect(screen.queryByRole('checkbox', { name: /Attach my contact/ })).toBeNull();
  });
});

describe('ordinary reports', () => {
  it('carry trusted_tester: false, also while trusted-tester mode is on', async () => {
    await setOptions({ trustedTester: true });
    await agreeTo(null);
    await open();
    await send();
    expect(sent()[0]?.report.consent.trusted_tester).toBe(false);
    expect(sent()[0]?.report).toMatchObject({ schema_version: 2, kind: 'rating', rating: 'helpful' });
  });

  it('link the full "What is shared" page', async () => {
    await open();
    const link = screen.getByRole('link', { name: 'What is shared: the full explanation' });
    expect(link.getAttribute('href')).toBe('chrome-extension://test-extension/src/explainer/index.html');
    expect(link.getAttribute('target')).toBe('_blank');
  });
});
