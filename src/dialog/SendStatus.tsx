// What happened to the report, in words: delivered with its receipt, or which error — never a
// thank-you for a report that did not arrive.
import { t } from '../ui/i18n';
import { SEND_ERROR_KEYS } from './labels';
import type { DialogSendResult } from './send';

export type SendPhase = { kind: 'idle' } | { kind: 'sending' } | { kind: 'done'; result: DialogSendResult };

function Delivered({ result }: { result: Extract<DialogSendResult, { ok: true }> }) {
  const { receipt } = result;
  return (
    <div class="status status-ok" role="status">
      <p><strong>{t('sentHeading')}</strong></p>
      <p>{receipt ? t('sentReceipt', [receipt.id, receipt.received_at]) : t('sentNoReceipt', String(result.status ?? '—'))}</p>
      {receipt?.deletion_token && <p>{t('sentDeletionToken', receipt.deletion_token)}</p>}
    </div>
  );
}

function Failed({ result }: { result: Extract<DialogSendResult, { ok: false }> }) {
  // Only an HTTP answer has words from the endpoint; other details come from the extension.
  const status = 'status' in result ? result.status : undefined;
  return (
    <div class="status status-error" role="alert">
      <p><strong>{t('notSentHeading')}</strong> {t(SEND_ERROR_KEYS[result.error])}</p>
      {status !== undefined && <p>{t('httpStatus', String(status))}</p>}
      {result.message && <p>{status !== undefined ? t('endpointSaid', result.message) : t('errorDetail', result.message)}</p>}
      <p>{t('notSentRetry')}</p>
    </div>
  );
}

/** Not delivered yet, but kept: the background retries on its own, also after a browser restart. */
function Queued({ result, retryAt }: { result: Extract<DialogSendResult, { ok: false }>; retryAt: number }) {
  const status = 'status' in result ? result.status : undefined;
  return (
    <div class="status status-queued" role="status">
      <p><strong>{t('queuedHeading')}</strong> {t(SEND_ERROR_KEYS[result.error])}</p>
      {status !== undefined && <p>{t('httpStatus', String(status))}</p>}
      <p>{t('queuedRetryAt', new Date(retryAt).toLocaleTimeString())}</p>
    </div>
  );
}

export function SendStatus({ phase }: { phase: SendPhase }) {
  if (phase.kind === 'idle') return <div role="status" class="status-empty" />;
  if (phase.kind === 'sending') return <div class="status" role="status">{t('sending')}</div>;
  const { result } = phase;
  if (result.ok) return <Delivered result={result} />;
  const retryAt = 'retryAt' in result ? result.retryAt : undefined;
  return retryAt !== undefined ? <Queued result={result} retryAt={retryAt} /> : <Failed result={result} />;
}
