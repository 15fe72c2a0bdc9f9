// Which endpoints the extension may not contact right now: the configured one and every one with
// reports waiting. Re-read when a permission is added or removed, or the options change.
import { useCallback, useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { endpointAccess } from '../background/permissions';
import { checkEndpoint, originPattern } from '../shared/endpoint';
import { loadOptions, OPTIONS_STORAGE_KEY } from '../shared/options';

export interface MissingAccess {
  endpoint: string;
  origin: string;
  /** The host-permission pattern to ask for. */
  pattern: string;
}

export async function missingAccess(endpoints: Iterable<string>): Promise<MissingAccess[]> {
  const missing: MissingAccess[] = [];
  for (const endpoint of new Set(endpoints)) {
    const checked = checkEndpoint(endpoint);
    if (!checked.ok || (await endpointAccess(endpoint)) !== 'missing') continue;
    missing.push({ endpoint, origin: checked.url.origin, pattern: originPattern(checked.url) });
  }
  return missing;
}

/**
 * Asks for one origin. permissions.request must be the first call inside the click (Firefox
 * drops the user gesture at the first await), so this is called straight from the handler.
 */
export function requestAccess(pattern: string): Promise<boolean> {
  return browser.permissions.request({ origins: [pattern] });
}

export function useMissingAccess(outboxEndpoints: string[]): { missing: MissingAccess[]; recheck: () => void } {
  const [missing, setMissing] = useState<MissingAccess[]>([]);
  const key = outboxEndpoints.join('\n');
  const recheck = useCallback(() => {
    void loadOptions()
      .then((options) => missingAccess([options.endpoint, ...(key ? key.split('\n') : [])]))
      .then(setMissing, () => setMissing([]));
  }, [key]);
  useEffect(() => {
    recheck();
    const onOptions = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && OPTIONS_STORAGE_KEY in changes) recheck();
    };
    browser.permissions.onAdded.addListener(recheck);
    browser.permissions.onRemoved.addListener(recheck);
    browser.storage.onChanged.addListener(onOptions);
    return () => {
      browser.permissions.onAdded.removeListener(recheck);
      browser.permissions.onRemoved.removeListener(recheck);
      browser.storage.onChanged.removeListener(onOptions);
    };
  }, [recheck]);
  return { missing, recheck };
}
