// The endpoint permission path, through the real background wiring (index.ts listeners, the
// messenger, the delivery loop and the IndexedDB outbox): browsers ask the user, so the grant is
// simulated and permissions.onAdded / onRemoved are fired by the test.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import { getOutbox, sendDue } from '../../../src/background/delivery';
import { handleMessage } from '../../../src/background/messenger';
import { coversEndpoint, endpointAccess, heldEndpoints } from '../../../src/background/permissions';
import { OPTIONS_STORAGE_KEY, DEFAULT_OPTIONS } from '../../../src/shared/options';
import { sampleEnvelope } from '../helpers/reports';
import { EXTENSION_ID, EXTENSION_ORIGIN, fakeExtension, granted, resetFakeExtension } from './fake-extension';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-extension')).fakeExtension }));

const ENDPOINT = 'https://collector.example/v1/feedback';
const PATTERN = 'https://collector.example/*';
const DIALOG: Runtime.MessageSender = { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}src/dialog/index.html`, tab: { id: 3 } as Runtime.MessageSender['tab'], frameId: 1 };

const answers: number[] = [];
const fetchSpy = vi.fn(async (..._args: unknown[]) => {
  const status = answers.shift() ?? 201;
  return new Response(status === 201 ? JSON.stringify({ id: 'r', received_at: '2026-11-28T12:00:00Z' }) : '{}', { status });
});

beforeAll(async () => {
  vi.stubGlobal('fetch', fetchSpy);
  vi.useFakeTimers({ toFake: ['Date'] });
  await import('../../../src/background/index'); // registers the listeners, as the worker does
});
afterAll(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

beforeEach(async () => {
  resetFakeExtension();
  fetchSpy.mockClear();
  answers.length = 0;
  fakeExtension.storage.local.store.set(OPTIONS_STORAGE_KEY, { ...DEFAULT_OPTIONS, endpoint: ENDPOINT });
  fakeExtension.storage.local.store.set('consent', { noticeVersion: 'v1', noticeHash: 'a'.repeat(64), acceptedAt: '2026-11-28T12:00:00Z', locale: 'en' });
  const outbox = await getOutbox();
  for (const item of await outbox.list()) await outbox.remove(item.id);
  await outbox.clearHistory();
});

const send = () => handleMessage({ type: 'report:send', envelope: sampleEnvelope(), endpoint: ENDPOINT }, DIALOG);
const items = async () => (await getOutbox()).list();
const later = (ms: number) => vi.setSystemTime(Date.now() + ms);
const fire = (event: 'onAdded' | 'onRemoved', origins: string[]) => fakeExtension.permissions[event].fire({ origins });

describe('endpoint access', () => {
  it('needs no grant for loopback, asks the browser for https, and knows an invalid endpoint', async () => {
    const contains = vi.fn(async (origins: string[]) => origins[0] === PATTERN);
    expect(await endpointAccess('http://127.0.0.1:8787/v1/feedback', contains)).toBe('not_needed');
    expect(await endpointAccess(ENDPOINT, contains)).toBe('granted');
    expect(await endpointAccess('https://other.example/v1', contains)).toBe('missing');
    expect(await endpointAccess('http://other.example/v1', contains)).toBe('invalid');
    expect(await endpointAccess(ENDPOINT, async () => { throw new Error('bad pattern'); })).toBe('missing');
    expect(contains).toHaveBeenCalledTimes(2); // never for loopback or an invalid endpoint
    expect(await heldEndpoints([ENDPOINT, ENDPOINT, 'https://other.example/v1', 'http://localhost/x'], contains)).toEqual(new Set(['https://other.example/v1']));
    expect(coversEndpoint([PATTERN], ENDPOINT)).toBe(true);
    expect(coversEndpoint(['https://other.example/*'], ENDPOINT)).toBe(false);
  });
});

describe('delivery and the endpoint permission', () => {
  it('does not queue a report for an endpoint it may not contact, and says why', async () => {
    expect(await send()).toEqual({ ok: false, error: 'permission_missing' });
    expect(await items()).toEqual([]);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('holds reports while the grant is revoked (not attempted, not failed) and sends them once it is back', async () => {
    granted.add(PATTERN);
    answers.push(503);
    expect(await send()).toMatchObject({ ok: false, error: 'server_error', retryAt: expect.any(Number) });
    expect(fetchSpy).toHaveBeenCalledTimes(1);

    granted.delete(PATTERN);
    await fire('onRemoved', [PATTERN]);
    expect(fakeExtension.runtime.sendMessage).toHaveBeenCalledWith({ type: 'outbox:changed' }); // the popup re-reads
    later(60 * 60 * 1_000);
    fakeExtension.alarms.create.mockClear();
    await sendDue();
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    const [held] = await items();
    expect(held).toMatchObject({ state: 'queued', attempts: 1 });
    // It waits for the grant, not for a time: no alarm keeps waking the worker for it.
    expect(fakeExtension.alarms.create).not.toHaveBeenCalled();
    expect(fakeExtension.alarms.clear).toHaveBeenCalled();

    granted.add(PATTERN);
    await fire('onAdded', [PATTERN]);
    await vi.waitFor(() => expect(fetchSpy).toHaveBeenCalledTimes(2));
    await vi.waitFor(async () => expect(await items()).toEqual([]));
    expect((await (await getOutbox()).history())[0]).toMatchObject({ kind: 'receipt' });
  });

  it('queues again a report an attempt failed because the grant went away mid-attempt, once it is back', async () => {
    granted.add(PATTERN);
    answers.push(503);
    await send();
    later(60 * 60 * 1_000);
    // Granted when the loop looks, gone when the request is about to leave.
    fakeExtension.permissions.contains.mockImplementationOnce(async () => true).mockImplementationOnce(async () => false);
    await sendDue();
    expect((await items())[0]).toMatchObject({ state: 'failed', lastError: 'permission_missing' });
    expect(fetchSpy).toHaveBeenCalledTimes(1);

    await fire('onAdded', ['https://unrelated.example/*']);
    expect((await items())[0]).toMatchObject({ state: 'failed' });
    await fire('onAdded', [PATTERN]);
    await vi.waitFor(async () => expect(await items()).toEqual([]));
    expect(fetchSpy).toHaveBeenCalledTimes(2);
  });
});
