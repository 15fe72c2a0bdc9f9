// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OptionsPage } from '../../../src/options/OptionsPage';
import { saveSettings } from '../../../src/options/save-settings';
import { DEFAULT_OPTIONS, OPTIONS_STORAGE_KEY } from '../../../src/shared/options';
import { fakeBrowser, resetFakeBrowser } from '../dialog/fake-browser';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../dialog/fake-browser')).fakeBrowser }));

const { request } = fakeBrowser.permissions;
const stored = () => fakeBrowser.storage.local.store.get(OPTIONS_STORAGE_KEY) as typeof DEFAULT_OPTIONS | undefined;

async function saveEndpoint(url: string) {
  render(<OptionsPage />);
  const field = await screen.findByRole('textbox', { name: 'Endpoint URL' });
  fireEvent.input(field, { target: { value: url } });
  fireEvent.click(screen.getByRole('button', { name: 'Save' }));
}

beforeEach(() => {
  resetFakeBrowser();
  // The page asks the endpoint for its declared policy; here no endpoint answers.
  vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('offline'); }));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('options page', () => {
  it('shows the default endpoint', async () => {
    render(<OptionsPage />);
    expect(await screen.findByRole('textbox', { name: 'Endpoint URL' })).toHaveProperty('value', DEFAULT_OPTIONS.endpoint);
  });

  it('refuses plain http to a non-loopback host with a clear message and saves nothing', async () => {
    await saveEndpoint('http://example.com/v1/feedback');
    expect((await screen.findByRole('alert')).textContent).toContain('plain http is allowed only for 127.0.0.1 or localhost');
    expect(stored()).toBeUndefined();
    expect(request).not.toHaveBeenCalled();
  });

  it('refuses other schemes such as ftp:', async () => {
    await saveEndpoint('ftp://example.com/feedback');
    expect((await screen.findByRole('alert')).textContent).toContain('not a web address starting with https://');
    expect(stored()).toBeUndefined();
  });

  it('refuses an address with credentials in it', async () => {
    await saveEndpoint('https://user:pw@example.com/feedback');
    expect((await screen.findByRole('alert')).textContent).toContain('must not contain a user name or password');
    expect(stored()).toBeUndefined();
  });

  it('asks for host permission for an https endpoint, then saves it', async () => {
    await saveEndpoint('https://collector.example.org/v1/feedback');
    expect((await screen.findByRole('status')).textContent).toContain('Saved. Reports will go to https://collector.example.org/v1/feedback');
    expect(request).toHaveBeenCalledWith({ origins: ['https://collector.example.org/*'] });
    expect(stored()?.endpoint).toBe('https://collector.example.org/v1/feedback');
  });

  it('does not save when the permission is denied', async () => {
    request.mockImplementation(async () => false);
    await saveEndpoint('https://collector.example.org/v1/feedback');
    expect((await screen.findByRole('alert')).textContent).toContain('did not allow');
    expect(stored()).toBeUndefined();
  });

  it('saves a loopback http endpoint without asking for permission', async () => {
    await saveEndpoint('http://localhost:9000/v1/feedback');
    await screen.findByRole('status');
    expect(request).not.toHaveBeenCalled();
    expect(stored()?.endpoint).toBe('http://localhost:9000/v1/feedback');
  });

  it('saves the token and the per-site switches', async () => {
    render(<OptionsPage />);
    fireEvent.input(await screen.findByLabelText('Access token (optional)'), { target: { value: ' secret-token ' } });
    const demo = screen.getByRole('switch', { name: 'Demo chat (reference collector)' });
    expect(demo).toHaveProperty('checked', true);
    fireEvent.click(demo);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByRole('status');
    expect(stored()).toMatchObject({ token: 'secret-token', sites: { 'claude.ai': true, demo: false } });
  });

  it('shows what was saved before', async () => {
    await fakeBrowser.storage.local.set({ [OPTIONS_STORAGE_KEY]: { endpoint: 'https://saved.example/v1/feedback', sites: { 'claude.ai': false } } });
    render(<OptionsPage />);
    expect(await screen.findByRole('textbox', { name: 'Endpoint URL' })).toHaveProperty('value', 'https://saved.example/v1/feedback');
    expect(screen.getByRole('switch', { name: 'claude.ai' })).toHaveProperty('checked', false);
  });
});

describe('saveSettings', () => {
  it('requests the permission synchronously, inside the user gesture', () => {
    const pending = saveSettings({ ...DEFAULT_OPTIONS, endpoint: 'https://collector.example.org/x' });
    expect(request).toHaveBeenCalledTimes(1);
    return pending;
  });
});
