// @vitest-environment happy-dom
// The German UI keeps the names QA automation looks for, and the consent record names the
// language actually shown.
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterAll, beforeAll, beforeEach, expect, it, vi } from 'vitest';
import de from '../../../public/_locales/de/messages.json';
import { DialogApp } from '../../../src/dialog/DialogApp';
import { draftKey } from '../../../src/shared/messages';
import type { Envelope } from '../../../src/shared/schema';
import { formatMessage, setMessageSource, type MessageEntry } from '../../../src/ui/i18n';
import { readableDraft } from './drafts';
import { fakeBrowser, resetFakeBrowser } from './fake-browser';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser')).fakeBrowser }));

const ID = '0b5e3c9a-3f0c-4b8e-8d5e-1c2a3b4c5d6e';

beforeAll(() => setMessageSource((key, subs) => {
  const entry = (de as Record<string, MessageEntry>)[key];
  return entry ? formatMessage(entry, subs) : '';
}));
afterAll(() => setMessageSource(null));
beforeEach(() => {
  resetFakeBrowser();
  vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('offline'); }));
});

it('shows the German names and records locale "de"', async () => {
  await fakeBrowser.storage.session.set({ [draftKey(ID)]: readableDraft('not_helpful') });
  render(<DialogApp draftId={ID} />);
  expect(await screen.findByRole('dialog', { name: 'Feedback teilen' })).toBeTruthy();
  expect(await screen.findByRole('textbox', { name: 'Kommentar' })).toBeTruthy();
  expect(screen.getByRole('radio', { name: 'Nicht hilfreich' })).toHaveProperty('checked', true);
  expect(screen.getByRole('button', { name: 'Abbrechen' })).toBeTruthy();
  fireEvent.click(await screen.findByRole('checkbox', { name: /stimm/ }));
  fireEvent.click(screen.getByRole('button', { name: 'Feedback senden' }));
  await screen.findByRole('alert');
  const sent = fakeBrowser.runtime.sendMessage.mock.calls.map(([m]) => m as { type: string; envelope: Envelope }).find((m) => m.type === 'report:send')!;
  expect(sent.envelope.report.consent.locale).toBe('de');
  cleanup();
});
