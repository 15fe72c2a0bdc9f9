// Extension pages ask the background for outbox state and re-ask when it says something
// changed (it broadcasts `outbox:changed` after every delivery attempt): no polling.
import { useCallback, useEffect, useState } from 'preact/hooks';
import browser, { type Runtime } from 'webextension-polyfill';
import type { PageToBackground } from '../shared/messages';

export const ask = <T,>(message: PageToBackground): Promise<T> => browser.runtime.sendMessage(message) as Promise<T>;

export function useBackground<T>(message: PageToBackground): { data: T | null; error: string | null; reload: () => void } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = JSON.stringify(message);
  const reload = useCallback(() => {
    ask<T>(JSON.parse(key) as PageToBackground).then((d) => { setData(d); setError(null); }, (e: unknown) => setError(String(e)));
  }, [key]);
  useEffect(() => {
    reload();
    const onMessage = (m: unknown, sender: Runtime.MessageSender) => {
      if (sender.id === browser.runtime.id && (m as { type?: string } | null)?.type === 'outbox:changed') reload();
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, [reload]);
  return { data, error, reload };
}

export const formatTime = (ms: number | null): string => (ms === null ? '—' : new Date(ms).toLocaleString());
