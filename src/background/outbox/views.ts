// What the popup and the history page read: the same records the outbox writes, never a copy.
import type { OutboxStore } from './store';
import type { EndpointStatus, HistoryEntry, OutboxItem } from './types';

export interface OutboxSummary {
  size: number;
  queued: number;
  sending: number;
  failed: number;
  endpoints: EndpointStatus[];
}

const newestFirst = (a: { createdAt: number }, b: { createdAt: number }) => b.createdAt - a.createdAt;
const createdAt = (entry: HistoryEntry) => (entry.kind === 'outbox' ? entry.item.createdAt : entry.receipt.createdAt);

export function outboxViews(store: OutboxStore) {
  return {
    /** Where one report stands (for the dialog's status): still in the outbox, delivered, or neither. */
    async entry(id: string): Promise<HistoryEntry | null> {
      const item = await store.getItem(id);
      if (item) return { kind: 'outbox', item };
      const receipt = await store.getReceipt(id);
      return receipt ? { kind: 'receipt', receipt } : null;
    },
    list: async (): Promise<OutboxItem[]> => (await store.listItems()).sort(newestFirst),
    async summary(): Promise<OutboxSummary> {
      const items = await store.listItems();
      const count = (state: OutboxItem['state']) => items.filter((item) => item.state === state).length;
      return { size: items.length, queued: count('queued'), sending: count('sending'), failed: count('failed'), endpoints: await store.listStatus() };
    },
    /** Reports still on their way and receipts of delivered ones, newest first. */
    async history(): Promise<HistoryEntry[]> {
      const [items, receipts] = await Promise.all([store.listItems(), store.listReceipts()]);
      const entries: HistoryEntry[] = [
        ...items.map((item) => ({ kind: 'outbox' as const, item })),
        ...receipts.map((receipt) => ({ kind: 'receipt' as const, receipt })),
      ];
      return entries.sort((a, b) => createdAt(b) - createdAt(a));
    },
  };
}
