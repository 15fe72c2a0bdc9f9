// The dialog never sends by itself: it hands the exact envelope it previewed to the background
// and reports what came back. An answer that is not a SendResult is an error, never a success.
import browser from 'webextension-polyfill';
import { Receipt, SEND_ERRORS, type DialogToBackground, type SendError, type SendResult } from '../shared/messages';
import type { Envelope } from '../shared/schema';

export type DialogSendResult = SendResult | { ok: false; error: 'extension_error'; message?: string; retryAt?: undefined };

/** Whether the background kept the report for a retry (it is then out of the dialog's hands). */
export const isQueued = (r: DialogSendResult): boolean => !r.ok && r.retryAt !== undefined;

export function readSendResult(raw: unknown): DialogSendResult {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const message = typeof r.message === 'string' ? r.message : typeof r.why === 'string' ? r.why : undefined;
  if (r.ok === true && (typeof r.status === 'number' || r.status === null)) {
    const receipt = Receipt.safeParse(r.receipt);
    return { ok: true, status: r.status, receipt: receipt.success ? receipt.data : null };
  }
  if (r.ok === false && SEND_ERRORS.includes(r.error as SendError)) {
    return {
      ok: false, error: r.error as SendError, status: typeof r.status === 'number' ? r.status : undefined, message,
      ...(typeof r.retryAt === 'number' ? { retryAt: r.retryAt } : {}),
    };
  }
  return { ok: false, error: 'extension_error', message };
}

/** `endpoint` is the one the user saw named and agreed to; the background sends nowhere else. */
export async function sendEnvelope(envelope: Envelope, endpoint: string, replaces?: string): Promise<DialogSendResult> {
  const msg: DialogToBackground = { type: 'report:send', envelope, endpoint, ...(replaces ? { replaces } : {}) };
  try {
    return readSendResult(await browser.runtime.sendMessage(msg));
  } catch (err) {
    return { ok: false, error: 'extension_error', message: String(err).slice(0, 300) };
  }
}

export function closeDialog(): void {
  const msg: DialogToBackground = { type: 'dialog:close' };
  browser.runtime.sendMessage(msg).catch(() => {});
}
