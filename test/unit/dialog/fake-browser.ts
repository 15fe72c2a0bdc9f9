// An in-memory stand-in for webextension-polyfill: storage areas that fire onChanged like the
// real ones, runtime messaging as spies, and i18n reading the real English messages file.
import { vi } from 'vitest';
import en from '../../../public/_locales/en/messages.json';
import { formatMessage, type MessageEntry } from '../../../src/ui/format-message';

type Listener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => void;

const listeners = new Set<Listener>();

function area(name: 'local' | 'session') {
  const store = new Map<string, unknown>();
  return {
    store,
    get: vi.fn(async (key: string) => (store.has(key) ? { [key]: structuredClone(store.get(key)) } : {})),
    set: vi.fn(async (items: Record<string, unknown>) => {
      const changes: Record<string, { oldValue?: unknown; newValue?: unknown }> = {};
      for (const [k, v] of Object.entries(items)) {
        changes[k] = { oldValue: store.get(k), newValue: structuredClone(v) };
        store.set(k, structuredClone(v));
      }
      for (const l of [...listeners]) l(changes, name);
    }),
    remove: vi.fn(async (keys: string | string[]) => {
      const changes: Record<string, { oldValue?: unknown }> = {};
      for (const k of typeof keys === 'string' ? [keys] : keys) {
        if (store.has(k)) changes[k] = { oldValue: store.get(k) };
        store.delete(k);
      }
      for (const l of [...listeners]) l(changes, name);
    }),
  };
}

export const fakeBrowser = {
  storage: {
    local: area('local'),
    session: area('session'),
    onChanged: {
      addListener: (l: Listener) => listeners.add(l),
      removeListener: (l: Listener) => listeners.delete(l),
      hasListener: (l: Listener) => listeners.has(l),
    },
  },
  runtime: {
    id: 'test-extension',
    sendMessage: vi.fn(async (_msg: unknown): Promise<unknown> => ({ ok: true })),
    getManifest: () => ({ version: '0.1.0' }),
    getURL: (path: string) => `chrome-extension://test-extension/${path}`,
  },
  i18n: {
    getMessage: (key: string, subs?: string | string[]) => {
      const entry = (en as Record<string, MessageEntry>)[key];
      return entry ? formatMessage(entry, typeof subs === 'string' ? [subs] : subs ?? []) : '';
    },
    getUILanguage: () => 'en',
  },
  permissions: {
    request: vi.fn(async (_p: { origins: string[] }) => true),
    contains: vi.fn(async (_p: { origins: string[] }) => true),
  },
};

/** Empties storage, forgets listeners and resets every spy between tests. */
export function resetFakeBrowser(): void {
  fakeBrowser.storage.local.store.clear();
  fakeBrowser.storage.session.store.clear();
  listeners.clear();
  vi.clearAllMocks();
  answerSends(async () => ({ ok: true }));
  fakeBrowser.permissions.request.mockImplementation(async () => true);
}

export const listenerCount = () => listeners.size;

/** Like the background's draft:get: the stored draft at once, or when it is stored. */
function sessionDraft(id: string): Promise<unknown> {
  const key = `draft:${id}`;
  const { store } = fakeBrowser.storage.session;
  if (store.has(key)) return Promise.resolve(structuredClone(store.get(key)));
  return new Promise((resolve) => {
    const onSet: Listener = (changes, area) => {
      if (area !== 'session' || changes[key]?.newValue === undefined) return;
      listeners.delete(onSet);
      resolve(changes[key].newValue);
    };
    listeners.add(onSet);
  });
}

/** How the fake background answers runtime messages: drafts from the session store, the rest by `other`. */
export function answerSends(other: (msg: unknown) => Promise<unknown>): void {
  fakeBrowser.runtime.sendMessage.mockImplementation(async (msg: unknown) => {
    const m = msg as { type?: string; id?: string } | null;
    return m?.type === 'draft:get' ? sessionDraft(m.id ?? '') : other(msg);
  });
}
