// What the options page shows about agreement: both notices as they read now (in the language
// shown, for the endpoint saved), and what was agreed to. Re-read whenever storage changes.
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { CONSENT_KEY, TESTER_CONSENT_KEY, loadConsent, type AcceptedConsent } from '../core/consent';
import { loadOptions, OPTIONS_STORAGE_KEY, type Options } from '../shared/options';
import { currentNotice, currentTesterNotice, type ShownNotice } from '../ui/explainer';
import { noticeContextFor, type NoticeContext } from '../ui/notice-context';

export interface ConsentState extends NoticeContext {
  options: Options;
  notice: ShownNotice;
  testerNotice: ShownNotice;
  consent: AcceptedConsent | null;
  tester: AcceptedConsent | null;
}

export async function loadConsentState(): Promise<ConsentState> {
  const options = await loadOptions();
  const context = await noticeContextFor(options.endpoint);
  const [notice, testerNotice, consent, tester] = await Promise.all([
    currentNotice(context.origin, context.policy),
    currentTesterNotice(context.origin, context.policy),
    loadConsent(browser.storage.local),
    loadConsent(browser.storage.local, TESTER_CONSENT_KEY),
  ]);
  return { ...context, options, notice, testerNotice, consent, tester };
}

const WATCHED = [OPTIONS_STORAGE_KEY, CONSENT_KEY, TESTER_CONSENT_KEY];

/** `language` re-reads the notices when the language shown changes. */
export function useConsentState(language: string): ConsentState | null {
  const [state, setState] = useState<ConsentState | null>(null);
  useEffect(() => {
    let live = true;
    const load = () => void loadConsentState().then((s) => live && setState(s), () => {});
    load();
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && WATCHED.some((k) => k in changes)) load();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, [language]);
  return state;
}

export const formatWhen = (iso: string, locale: string): string => new Date(iso).toLocaleString(locale);
