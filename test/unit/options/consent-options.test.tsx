// @vitest-environment happy-dom
// The options page's part of issue 5: when consent was given and for which notice, withdrawal
// after a confirmation, trusted-tester mode behind its own explainer and agreement, the
// language chosen here, the reporter contact, and the first-run welcome.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONSENT_KEY, TESTER_CONSENT_KEY } from '../../../src/core/consent';
import { TESTER_NOTICE_VERSION } from '../../../src/core/notice';
import { OptionsPage } from '../../../src/options/OptionsPage';
import { DEFAULT_OPTIONS, OPTIONS_STORAGE_KEY, type Options } from '../../../src/shared/options';
import { currentNotice, currentTesterNotice } from '../../../src/ui/explainer';
import { setMessageSource } from '../../../src/ui/i18n';
import { answerSends, fakeBrowser, resetFakeBrowser } from '../dialog/fake-browser';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../dialog/fake-browser')).fakeBrowser }));

const ORIGIN = 'http://127.0.0.1:8787';
const local = fakeBrowser.storage.local.store;
const stored = () => local.get(OPTIONS_STORAGE_KEY) as Options | undefined;
const messages = (lang: string) => readFileSync(join(import.meta.dirname, `../../../public/_locales/${lang}/messages.json`), 'utf8');

beforeEach(() => {
  resetFakeBrowser();
  location.hash = '';
  // The endpoint declares no policy; the messages files are the real ones.
  vi.stubGlobal('fetch', vi.fn(async (url: string) => {
    const lang = /_locales\/(\w+)\/messages\.json$/.exec(String(url))?.[1];
    return lang ? new Response(messages(lang)) : new Response('', { status: 404 });
  }));
});
afterEach(() => {
  cleanup();
  setMessageSource(null);
  vi.unstubAllGlobals();
});

describe('agreement', () => {
  it('says when none was given', async () => {
    render(<OptionsPage />);
    expect(await screen.findByText(/You have not agreed to share reports/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Withdraw agreement' })).toBeNull();
  });

  it('shows when it was given and for which version, and withdraws after a confirmation', async () => {
    const notice = await currentNotice(ORIGIN, null);
    await fakeBrowser.storage.local.set({ [CONSENT_KEY]: { noticeVersion: notice.version, noticeHash: notice.hash, acceptedAt: '2026-11-20T09:30:00.000Z', locale: 'en' } });
    answerSends(async (m) => ((m as { type: string }).type === 'outbox:summary' ? { size: 3, queued: 3, sending: 0, failed: 0, endpoints: [] } : { ok: true, removed: 3 }));
    render(<OptionsPage />);
    expect(await screen.findByText(new RegExp(`to notice version ${notice.version} \\(language: en\\)`))).toBeTruthy();
    expect(screen.getByText('This is the notice shown now.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Withdraw agreement' }));
    const confirm = await screen.findByRole('group', { name: /Withdraw your agreement\? .* the 3 report\(s\) still waiting/ });
    expect(fakeBrowser.runtime.sendMessage).not.toHaveBeenCalledWith({ type: 'consent:withdraw' });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Keep my agreement' }));
    expect(screen.queryByRole('group', { name: /Withdraw your agreement/ })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Withdraw agreement' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Withdraw and clear the outbox' }));
    expect((await screen.findByRole('status')).textContent).toBe('Agreement withdrawn. Nothing more will be sent; 3 waiting report(s) deleted.');
    expect(fakeBrowser.runtime.sendMessage).toHaveBeenCalledWith({ type: 'consent:withdraw' });
  });

  it('says when the notice changed since', async () => {
    await fakeBrowser.storage.local.set({ [CONSENT_KEY]: { noticeVersion: 'old', noticeHash: 'a'.repeat(64), acceptedAt: '2026-11-20T09:30:00.000Z', locale: 'de' } });
    render(<OptionsPage />);
    expect(await screen.findByText(/The notice has changed since/)).toBeTruthy();
  });
});

describe('trusted-tester mode', () => {
  it('is off by default and turns on only after agreeing to its own explainer', async () => {
    render(<OptionsPage />);
    const mode = await screen.findByRole('switch', { name: 'Trusted-tester mode' });
    expect(mode).toHaveProperty('checked', false);
    fireEvent.click(mode);
    expect(mode).toHaveProperty('checked', false);
    const terms = screen.getByRole('region', { name: 'Trusted-tester programme' });
    expect(terms.textContent).toContain('One-click reports');
    expect(terms.textContent).toContain('Share conversation');
    expect(terms.textContent).toContain(`Your report goes to ${ORIGIN}`);
    const turnOn = within(terms).getByRole('button', { name: 'Turn on trusted-tester mode' });
    expect(turnOn).toHaveProperty('disabled', true);
    expect(stored()?.trustedTester ?? false).toBe(false);

    fireEvent.click(within(terms).getByRole('checkbox', { name: /agree to join the trusted-tester programme/ }));
    fireEvent.click(turnOn);
    await waitFor(() => expect(stored()?.trustedTester).toBe(true));
    const notice = await currentTesterNotice(ORIGIN, null);
    expect(local.get(TESTER_CONSENT_KEY)).toMatchObject({ noticeVersion: TESTER_NOTICE_VERSION, noticeHash: notice.hash, locale: 'en' });
    await waitFor(() => expect(screen.getByRole('switch', { name: 'Trusted-tester mode' })).toHaveProperty('checked', true));
    expect(screen.getByText(/On since .* \(notice version 2026-11-29\.1, language: en\)/)).toBeTruthy();
    // The ordinary agreement is a separate record, untouched by the tester one.
    expect(local.has(CONSENT_KEY)).toBe(false);
  });

  it('can be turned off at any time, which forgets its agreement', async () => {
    const notice = await currentTesterNotice(ORIGIN, null);
    await fakeBrowser.storage.local.set({
      [OPTIONS_STORAGE_KEY]: { ...DEFAULT_OPTIONS, trustedTester: true },
      [TESTER_CONSENT_KEY]: { noticeVersion: notice.version, noticeHash: notice.hash, acceptedAt: '2026-11-20T09:30:00.000Z', locale: 'en' },
    });
    render(<OptionsPage />);
    const mode = await screen.findByRole('switch', { name: 'Trusted-tester mode' });
    await waitFor(() => expect(mode).toHaveProperty('checked', true));
    fireEvent.click(mode);
    await waitFor(() => expect(stored()?.trustedTester).toBe(false));
    expect(local.has(TESTER_CONSENT_KEY)).toBe(false);
    expect((await screen.findByRole('status')).textContent).toBe('Trusted-tester mode is off.');
  });
});

describe('language and contact', () => {
  it('saves the language and contact, and shows the page in the language chosen', async () => {
    render(<OptionsPage />);
    fireEvent.change(await screen.findByRole('combobox', { name: 'Language' }), { target: { value: 'de' } });
    fireEvent.input(screen.getByRole('textbox', { name: 'Contact for follow-up questions (optional)' }), { target: { value: ' me@example.org ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('heading', { name: 'Ihre Zustimmung' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Speichern' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('de');
    expect(stored()).toMatchObject({ language: 'de', reporterContact: 'me@example.org' });
  });
});

describe('first run', () => {
  it('welcomes with the endpoint and consent, and links the full explainer', async () => {
    location.hash = '#welcome';
    render(<OptionsPage />);
    const welcome = await screen.findByRole('region', { name: 'Welcome' });
    expect(welcome.textContent).toContain('check the endpoint below');
    expect(welcome.textContent).toContain('nothing is sent until you agree');
    expect(within(welcome).getByRole('link', { name: 'What is shared: the full explanation' })).toBeTruthy();
  });
});
