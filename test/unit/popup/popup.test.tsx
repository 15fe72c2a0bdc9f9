// @vitest-environment happy-dom
// The popup names an endpoint the extension may not contact (never granted, or revoked) and asks
// for it again inside the click; it says nothing for loopback or a granted origin.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Popup } from '../../../src/popup/Popup';
import { DEFAULT_OPTIONS, OPTIONS_STORAGE_KEY } from '../../../src/shared/options';
import { fakeExtension, granted, resetFakeExtension } from '../background/fake-extension';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../background/fake-extension')).fakeExtension }));

const ENDPOINT = 'https://collector.example/v1/feedback';
const PATTERN = 'https://collector.example/*';
const summary = (endpoints: string[]) => ({
  size: 1, queued: 1, sending: 0, failed: 0,
  endpoints: endpoints.map((endpoint) => ({ endpoint, lastSuccessAt: null, lastError: null, lastErrorMessage: null, lastErrorAt: null })),
});
const setEndpoint = (endpoint: string) => fakeExtension.storage.local.store.set(OPTIONS_STORAGE_KEY, { ...DEFAULT_OPTIONS, endpoint });
const missingNotice = (origin: string) => `The extension may not contact ${origin}: delivery there is paused. Reports wait in the outbox and go as soon as you allow access.`;

beforeEach(() => {
  resetFakeExtension();
  fakeExtension.runtime.sendMessage.mockImplementation(async () => summary([]));
});
afterEach(cleanup);

describe('popup: endpoint permission', () => {
  it('says delivery is paused when the configured endpoint has no grant, and asks for that one origin inside the click', async () => {
    setEndpoint(ENDPOINT);
    render(<Popup />);
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', missingNotice('https://collector.example'));

    fakeExtension.permissions.request.mockImplementation(async () => {
      granted.add(PATTERN);
      return true;
    });
    fireEvent.click(screen.getByRole('button', { name: 'Allow access' }));
    // Synchronously inside the click handler: no await may come before it (Firefox drops the gesture).
    expect(fakeExtension.permissions.request).toHaveBeenCalledWith({ origins: [PATTERN] });
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('shows a grant revoked later, for an endpoint with reports waiting, and clears it when it comes back', async () => {
    setEndpoint('http://127.0.0.1:8787/v1/feedback');
    granted.add('https://old.example/*');
    fakeExtension.runtime.sendMessage.mockImplementation(async () => summary(['https://old.example/v1/feedback']));
    render(<Popup />);
    await screen.findByRole('status');
    expect(screen.queryByRole('alert')).toBeNull();

    granted.delete('https://old.example/*');
    await fakeExtension.permissions.onRemoved.fire({ origins: ['https://old.example/*'] });
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', missingNotice('https://old.example'));

    granted.add('https://old.example/*');
    await fakeExtension.permissions.onAdded.fire({ origins: ['https://old.example/*'] });
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('says nothing about access for a loopback endpoint', async () => {
    setEndpoint('http://localhost:8787/v1/feedback');
    render(<Popup />);
    await screen.findByRole('status');
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Allow access' })).toBeNull();
    expect(fakeExtension.permissions.contains).not.toHaveBeenCalled();
  });
});
