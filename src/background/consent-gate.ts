// The background sends only what a current agreement covers. The dialog records the ordinary
// agreement before it sends; trusted-tester reports are built here from the tester agreement,
// after checking it still fits the tester notice as it reads now (text, endpoint and policy).
import browser from 'webextension-polyfill';
import { CONSENT_KEY, TESTER_CONSENT_KEY, loadConsent, needsAgreement } from '../core/consent';
import { saveOptions, type Options } from '../shared/options';
import type { Consent, Envelope } from '../shared/schema';
import { currentTesterNotice } from '../ui/explainer';
import { translatorFor } from '../ui/i18n';
import { isShippedLocale, loadMessageSource } from '../ui/language';
import { noticeContextFor } from '../ui/notice-context';
import type { Outbox } from './outbox/outbox';

/** report:send (the dialog): an ordinary report whose notice version and hash are the ones agreed to. */
export async function consentCovers(envelope: Envelope): Promise<boolean> {
  const { consent } = envelope.report;
  // Programme reports never come through the dialog: they are built from the tester agreement.
  if (consent.trusted_tester) return false;
  const stored = await loadConsent(browser.storage.local);
  return !needsAgreement({ version: consent.notice_version, hash: consent.notice_hash }, stored);
}

/** The consent record for a trusted-tester report, or null when the mode is off or its agreement no longer fits. */
export async function testerConsent(options: Options): Promise<Consent | null> {
  if (!options.trustedTester) return null;
  const stored = await loadConsent(browser.storage.local, TESTER_CONSENT_KEY);
  if (!stored || !isShippedLocale(stored.locale)) return null;
  // Rebuilt in the language it was shown in, so a changed text, endpoint or policy shows as a changed hash.
  const source = await loadMessageSource(stored.locale);
  const { origin, policy } = await noticeContextFor(options.endpoint);
  const notice = await currentTesterNotice(origin, policy, translatorFor(() => source));
  if (needsAgreement(notice, stored)) return null;
  return { notice_version: stored.noticeVersion, notice_hash: stored.noticeHash, locale: stored.locale, trusted_tester: true };
}

/** Withdrawal: both agreements go, tester mode goes off, and nothing waiting in the outbox is sent. */
export async function withdrawConsent(outbox: Outbox): Promise<{ ok: true; removed: number }> {
  await browser.storage.local.remove([CONSENT_KEY, TESTER_CONSENT_KEY]);
  await saveOptions({ trustedTester: false });
  let removed = 0;
  for (const item of await outbox.list()) if (await outbox.remove(item.id)) removed += 1;
  return { ok: true, removed };
}
