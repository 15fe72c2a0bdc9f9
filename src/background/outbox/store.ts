// The outbox's IndexedDB storage. The background is its only writer (several contexts doing
// read-modify-write on storage.local lose items); every write runs in one transaction, and a
// full disk surfaces as StorageFullError instead of vanishing.
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { EndpointStatus, HistoryEntry, OutboxItem, ReceiptRecord, StatusPatch } from './types';

export const DB_NAME = 'chat-feedback';
const DB_VERSION = 1;

interface FeedbackDB extends DBSchema {
  outbox: { key: string; value: OutboxItem };
  receipts: { key: string; value: ReceiptRecord };
  status: { key: string; value: EndpointStatus };
}
type Names = StoreNames<FeedbackDB>;
type WriteTx<S extends Names[]> = IDBPTransaction<FeedbackDB, S, 'readwrite'>;

/** The browser refused to store more (QuotaExceededError): shown to the user, never swallowed. */
export class StorageFullError extends Error {
  override readonly name = 'StorageFullError';
  constructor(cause: unknown) {
    super('The browser has no room left to store this report.', { cause });
  }
}

const isQuotaError = (err: unknown) =>
  err instanceof Error && (err.name === 'QuotaExceededError' || err.name === 'StorageFullError');

export interface OutboxStore {
  /** Queues the item unless its id is already queued or delivered; answers what is stored under that id. */
  addItem(item: OutboxItem): Promise<HistoryEntry>;
  getItem(id: string): Promise<OutboxItem | undefined>;
  listItems(): Promise<OutboxItem[]>;
  /** Writes an item back only while it is still in the outbox (a removed report stays removed). */
  updateItem(item: OutboxItem, status?: StatusPatch): Promise<boolean>;
  deleteItem(id: string): Promise<boolean>;
  /** Delivery: the item (and with it the conversation) goes, the receipt stays — all or nothing. */
  deliver(id: string, receipt: ReceiptRecord, status: StatusPatch): Promise<void>;
  getReceipt(id: string): Promise<ReceiptRecord | undefined>;
  listReceipts(): Promise<ReceiptRecord[]>;
  markWithdrawn(id: string): Promise<boolean>;
  clearReceipts(): Promise<void>;
  listStatus(): Promise<EndpointStatus[]>;
}

function mergeStatus(old: EndpointStatus | undefined, patch: StatusPatch): EndpointStatus {
  const base: EndpointStatus = old ?? { endpoint: patch.endpoint, lastSuccessAt: null, lastError: null, lastErrorMessage: null, lastErrorAt: null };
  if ('successAt' in patch) return { ...base, lastSuccessAt: patch.successAt };
  return { ...base, lastError: patch.error, lastErrorMessage: patch.message, lastErrorAt: patch.errorAt };
}

interface StatusStore {
  get(endpoint: string): Promise<EndpointStatus | undefined>;
  put(value: EndpointStatus): Promise<unknown>;
}

async function applyStatus(store: StatusStore, patch: StatusPatch) {
  await store.put(mergeStatus(await store.get(patch.endpoint), patch));
}

export function storeOver(db: IDBPDatabase<FeedbackDB>): OutboxStore {
  /** Runs `body` in one readwrite transaction and waits for the commit; any failure aborts it whole. */
  async function write<S extends Names[], T>(names: S, body: (tx: WriteTx<S>) => Promise<T>): Promise<T> {
    const tx = db.transaction(names, 'readwrite');
    const done = tx.done;
    try {
      const result = await body(tx);
      await done;
      return result;
    } catch (err) {
      done.catch(() => undefined); // the abort after a failed request repeats the same error
      try {
        tx.abort();
      } catch {
        /* already finished or aborted */
      }
      throw isQuotaError(err) ? new StorageFullError(err) : err;
    }
  }

  return {
    addItem: (item) => write(['outbox', 'receipts'], async (tx) => {
      const receipt = await tx.objectStore('receipts').get(item.id);
      if (receipt) return { kind: 'receipt', receipt };
      const queued = await tx.objectStore('outbox').get(item.id);
      if (queued) return { kind: 'outbox', item: queued };
      await tx.objectStore('outbox').add(item);
      return { kind: 'outbox', item };
    }),
    getItem: (id) => db.get('outbox', id),
    listItems: () => db.getAll('outbox'),
    updateItem: (item, status) => write(['outbox', 'status'], async (tx) => {
      const outbox = tx.objectStore('outbox');
      if (!(await outbox.get(item.id))) return false;
      await outbox.put(item);
      if (status) await applyStatus(tx.objectStore('status'), status);
      return true;
    }),
    deleteItem: (id) => write(['outbox'], async (tx) => {
      const outbox = tx.objectStore('outbox');
      if (!(await outbox.get(id))) return false;
      await outbox.delete(id);
      return true;
    }),
    deliver: (id, receipt, status) => write(['outbox', 'receipts', 'status'], async (tx) => {
      await tx.objectStore('outbox').delete(id);
      await tx.objectStore('receipts').put(receipt);
      await applyStatus(tx.objectStore('status'), status);
    }),
    getReceipt: (id) => db.get('receipts', id),
    listReceipts: () => db.getAll('receipts'),
    markWithdrawn: (id) => write(['receipts'], async (tx) => {
      const receipts = tx.objectStore('receipts');
      const receipt = await receipts.get(id);
      if (!receipt) return false;
      await receipts.put({ ...receipt, withdrawn: true });
      return true;
    }),
    clearReceipts: () => write(['receipts'], (tx) => tx.objectStore('receipts').clear()),
    listStatus: () => db.getAll('status'),
  };
}

/** Opens (creating on first use) the outbox database; `name` is for tests only. */
export async function openOutboxStore(name: string = DB_NAME): Promise<OutboxStore> {
  const db = await openDB<FeedbackDB>(name, DB_VERSION, {
    upgrade(database) {
      database.createObjectStore('outbox', { keyPath: 'id' });
      database.createObjectStore('receipts', { keyPath: 'id' });
      database.createObjectStore('status', { keyPath: 'endpoint' });
    },
  });
  return storeOver(db);
}
