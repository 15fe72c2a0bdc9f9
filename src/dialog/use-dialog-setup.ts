// Everything the dialog needs besides the draft: options, the endpoint's origin and declared
// policy, the notice shown (with its hash) and the consent stored for it.
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { loadConsent, needsAgreement } from '../core/consent';
import { loadOptions, OPTIONS_STORAGE_KEY, type Options } from '../shared/options';
import { currentNotice, type ShownNotice } from '../ui/explainer';
import { noticeContextFor } from '../ui/notice-context';

export interface DialogSetup {
  options: Options;
  /** The endpoint's origin; the raw setting when it is not a valid endpoint (sending then fails by name). */
  origin: string;
  policy: unknown;
  notice: ShownNotice;
  needsAgreement: boolean;
}

export async function loadDialogSetup(): Promise<DialogSetup> {
  const [options, accepted] = await Promise.all([loadOptions(), loadConsent(browser.storage.local)]);
  const { origin, policy } = await noticeContextFor(options.endpoint);
  const notice = await currentNotice(origin, policy);
  return { options, origin, policy, notice, needsAgreement: needsAgreement(notice, accepted) };
}

export type SetupState = { kind: 'loading' } | { kind: 'ready'; setup: DialogSetup } | { kind: 'failed' };

export function useDialogSetup(): SetupState {
  const [state, setState] = useState<SetupState>({ kind: 'loading' });
  useEffect(() => {
    const load = () => loadDialogSetup().then((setup) => setState({ kind: 'ready', setup }), () => setState({ kind: 'failed' }));
    void load();
    // Options changed while the dialog is open (e.g. another endpoint): show the notice anew,
    // so what the user agrees to always names where the report will go.
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && OPTIONS_STORAGE_KEY in changes) void load();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);
  return state;
}
