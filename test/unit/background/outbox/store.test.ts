import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StorageFullError, openOutboxStore } from '../../../../src/background/outbox/store';
import type { OutboxItem, ReceiptRecord } from '../../../../src/background/outbox/types';

const ENDPOINT = 'http://127.0.0.1:8787/v1/feedback';
const item = (id: string, extra: Partial<OutboxItem> = {}): OutboxItem => ({
  id, endpoint: ENDPOINT, token: '', body: '{"report":{}}', schemaVersion: 1, createdAt: 1_000, site: 'claude.ai',
  rating: 'helpful', state: 'queued', attempts: 0, nextAttemptAt: 1_000, ...extra,
});
const receipt = (id: string): ReceiptRecord => ({
  id, createdAt: 1_000, deliveredAt: 2_000, site: 'claude.ai', rating: 'helpful', endpoint: ENDPOINT, deletionToken: 'tok', withdrawn: false,
});
const fresh = () => openOutboxStore(`test-${randomUUID()}`);
const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

afterEach(() => vi.restoreAllMocks());

describe('outbox store', () => {
  it('queues an item once and answers what is stored for a repeated id', async () => {
    const store = await fresh();
    expect(await store.addItem(item('a'))).toEqual({ kind: 'outbox', item: item('a') });
    expect(await store.addItem(item('a', { body: 'other' }))).toEqual({ kind: 'outbox', item: item('a') });
    expect(await store.listItems()).toEqual([item('a')]);
  });

  it('does not queue again a report that was already delivered', async () => {
    const store = await fresh();
    await store.addItem(item('a'));
    await store.deliver('a', receipt('a'), { endpoint: ENDPOINT, successAt: 2_000 });
    expect(await store.addItem(item('a'))).toEqual({ kind: 'receipt', receipt: receipt('a') });
    expect(await store.listItems()).toEqual([]);
  });

  it('delivers in one step: item gone, receipt kept, endpoint status merged', async () => {
    const store = await fresh();
    await store.addItem(item('a'));
    await store.updateItem(item('a', { state: 'sending' }), { endpoint: ENDPOINT, error: 'server_error', message: 'down', errorAt: 1_500 });
    await store.deliver('a', receipt('a'), { endpoint: ENDPOINT, successAt: 2_000 });
    expect(await store.getItem('a')).toBeUndefined();
    expect(await store.getReceipt('a')).toEqual(receipt('a'));
    expect(await store.listStatus()).toEqual([
      { endpoint: ENDPOINT, lastSuccessAt: 2_000, lastError: 'server_error', lastErrorMessage: 'down', lastErrorAt: 1_500 },
    ]);
  });

  it('never brings back a removed item', async () => {
    const store = await fresh();
    await store.addItem(item('a'));
    expect(await store.deleteItem('a')).toBe(true);
    expect(await store.deleteItem('a')).toBe(false);
    expect(await store.updateItem(item('a', { state: 'queued' }))).toBe(false);
    expect(await store.getItem('a')).toBeUndefined();
  });

  it('marks receipts withdrawn and clears receipts without touching the outbox', async () => {
    const store = await fresh();
    await store.addItem(item('a'));
    await store.deliver('a', receipt('a'), { endpoint: ENDPOINT, successAt: 2_000 });
    await store.addItem(item('b'));
    expect(await store.markWithdrawn('a')).toBe(true);
    expect(await store.markWithdrawn('nope')).toBe(false);
    expect((await store.getReceipt('a'))?.withdrawn).toBe(true);
    await store.clearReceipts();
    expect(await store.listReceipts()).toEqual([]);
    expect((await store.listItems()).map((i) => i.id)).toEqual(['b']);
  });

  it('surfaces a full disk as StorageFullError and stores nothing', async () => {
    const store = await fresh();
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(() => { throw quota(); });
    const failure = store.addItem(item('a'));
    await expect(failure).rejects.toBeInstanceOf(StorageFullError);
    await expect(failure).rejects.toMatchObject({ cause: { name: 'QuotaExceededError' } });
    vi.restoreAllMocks();
    expect(await store.listItems()).toEqual([]);
  });

  it('keeps the item when the receipt cannot be written (delivery is all or nothing)', async () => {
    const store = await fresh();
    await store.addItem(item('a'));
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'receipts') throw quota();
      return put.apply(this, args);
    });
    await expect(store.deliver('a', receipt('a'), { endpoint: ENDPOINT, successAt: 2_000 })).rejects.toBeInstanceOf(StorageFullError);
    vi.restoreAllMocks();
    expect(await store.getItem('a')).toEqual(item('a'));
    expect(await store.listReceipts()).toEqual([]);
    expect(await store.listStatus()).toEqual([]);
  });

  it('keeps its data across reopening (a new service worker)', async () => {
    const name = `test-${randomUUID()}`;
    await (await openOutboxStore(name)).addItem(item('a'));
    expect(await (await openOutboxStore(name)).getItem('a')).toEqual(item('a'));
  });
});
