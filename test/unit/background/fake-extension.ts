// webextension-polyfill for background tests: storage areas that keep their data, the events the
// background listens to (fired by the test), and spies on everything that leaves the worker.
import { vi } from 'vitest';
import en from '../../../public/_locales/en/messages.json';
import { formatMessage, type MessageEntry } from '../../../src/ui/format-message';

type Listener = (...args: never[]) => unknown;

function event() {
  const listeners = new Set<Listener>();
  return {
    listeners,
    addListener: (l: Listener) => void listeners.add(l),
    removeListener: (l: Listener) => void listeners.delete(l),
    hasListener: (l: Listener) => listeners.has(l),
    fire: (...args: unknown[]) => Promise.all([...listeners].map((l) => (l as (...a: unknown[]) => unknown)(...args))),
  };
}

function area() {
  const store = new Map<string, unknown>();
  return {
    store,
    get: vi.fn(async (keys?: string | string[] | null) => {
      const wanted = keys === null || keys === undefined ? [...store.keys()] : typeof keys === 'string' ? [keys] : keys;
      return Object.fromEntries(wanted.filter((k) => store.has(k)).map((k) => [k, structuredClone(store.get(k))]));
    }),
    set: vi.fn(async (items: Record<string, unknown>) => {
      for (const [k, v] of Object.entries(items)) store.set(k, structuredClone(v));
    }),
    remove: vi.fn(async (keys: string | string[]) => {
      for (const k of typeof keys === 'string' ? [keys] : keys) store.delete(k);
    }),
  };
}

export const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
export const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}/`;

/** Origin patterns the user granted (loopback needs none). */
export const granted = new Set<string>();

export const fakeExtension = {
  runtime: {
    id: EXTENSION_ID,
    getURL: (path: string) => `${EXTENSION_ORIGIN}${path}`,
    getManifest: () => ({ version: '0.1.0' }),
    sendMessage: vi.fn(async (_m: unknown): Promise<unknown> => undefined),
    onMessage: event(),
    onInstalled: event(),
  },
  storage: { local: area(), session: area(), onChanged: event() },
  tabs: {
    sendMessage: vi.fn(async (_tab: number, _m: unknown, _o?: unknown): Promise<unknown> => undefined),
    create: vi.fn(async (_p: { url: string }) => ({ id: 99 })),
  },
  alarms: { create: vi.fn(async (_n: string, _a: unknown) => {}), clear: vi.fn(async (_n: string) => true), onAlarm: event() },
  permissions: {
    contains: vi.fn(async ({ origins }: { origins: string[] }) => origins.every((o) => granted.has(o))),
    request: vi.fn(async (_p: { origins: string[] }) => false),
    onAdded: event(),
    onRemoved: event(),
  },
  i18n: {
    getMessage: (key: string, subs?: string | string[]) => {
      const entry = (en as Record<string, MessageEntry>)[key];
      return entry ? formatMessage(entry, typeof subs === 'string' ? [subs] : subs ?? []) : '';
    },
    getUILanguage: () => 'en',
  },

};

/** Clears stored data and grants, and resets every spy. */
export function resetFakeExtension(): void {
  fakeExtension.storage.local.store.clear();
  fakeExtension.storage.session.store.clear();
  granted.clear();
  vi.clearAllMocks();
}
