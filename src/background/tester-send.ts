// What content scripts ask besides drafts: a trusted tester's one-click report or shared
// conversation (sent only after the undo time, which the content script waits out), and its
// labels in the language chosen in options.
import browser from 'webextension-polyfill';
import { buildEnvelope, buildReport } from '../core/build-report';
import type { ContentToBackground, SendResult } from '../shared/messages';
import { loadOptions } from '../shared/options';
import type { SiteId } from '../shared/schema';
import { clientInfo } from '../ui/client';
import { loadMessageSource } from '../ui/language';
import { testerConsent } from './consent-gate';
import { submitReport } from './deliver';
import { announceChange, getOutbox, scheduleWake } from './delivery';

type TesterSend = Extract<ContentToBackground, { type: 'tester:send' }>;

export async function testerSend(m: TesterSend, site: SiteId): Promise<SendResult> {
  const options = await loadOptions();
  if (m.site !== site || !options.sites[site]) return { ok: false, error: 'rejected', message: 'site not enabled' };
  if (!m.capture.ok) return { ok: false, error: 'invalid_report', message: m.capture.detail };
  const consent = await testerConsent(options);
  if (!consent) return { ok: false, error: 'consent_missing' };
  const report = buildReport({
    id: crypto.randomUUID(), now: new Date(), site, rating: m.rating, reasons: [], comment: '',
    captured: m.capture.captured, consent, client: clientInfo(),
  });
  const result = await submitReport(buildEnvelope(report, options.reporterContact), options, await getOutbox());
  await scheduleWake();
  announceChange();
  return result;
}

/** The content script's labels: from the chosen language's file, or the browser's choice for 'auto'. */
export async function contentMessages(keys: string[]): Promise<Record<string, string>> {
  const { language } = await loadOptions();
  const source = language === 'auto' ? null : await loadMessageSource(language).catch(() => null);
  const look = (key: string) => (source ? source(key, []) : browser.i18n.getMessage(key));
  return Object.fromEntries(keys.map((key) => [key, look(key)]));
}

export function handleContentRequest(m: Exclude<ContentToBackground, { type: 'draft:put' }>, site: SiteId): Promise<unknown> {
  return m.type === 'tester:send' ? testerSend(m, site) : contentMessages(m.keys);
}
