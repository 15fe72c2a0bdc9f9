// The agreement as recorded in this browser: when, to which notice version, in which language,
// whether it still fits the notice shown now, and withdrawal after a confirmation.
import { useState } from 'preact/hooks';
import type { OutboxSummary } from '../background/outbox/views';
import { needsAgreement } from '../core/consent';
import { ask } from '../ui/background';
import { t } from '../ui/i18n';
import { formatWhen, type ConsentState } from './use-consent-state';

type Step = { kind: 'idle' } | { kind: 'confirm'; waiting: number } | { kind: 'done'; text: string; ok: boolean };

export function ConsentSection({ state }: { state: ConsentState }) {
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const { consent, tester, notice } = state;
  const agreed = consent !== null || tester !== null;

  const confirm = () => void ask<OutboxSummary>({ type: 'outbox:summary' })
    .then((s) => setStep({ kind: 'confirm', waiting: s.size }), () => setStep({ kind: 'confirm', waiting: 0 }));
  const withdraw = () => void ask<{ ok: boolean; removed?: number }>({ type: 'consent:withdraw' }).then(
    (r) => setStep(r.ok ? { kind: 'done', ok: true, text: t('consentWithdrawn', String(r.removed ?? 0)) } : { kind: 'done', ok: false, text: t('consentWithdrawFailed') }),
    () => setStep({ kind: 'done', ok: false, text: t('consentWithdrawFailed') }),
  );

  return (
    <section aria-labelledby="consent-heading">
      <h2 id="consent-heading">{t('consentHeading')}</h2>
      {consent
        ? (
          <>
            <p>{t('consentGiven', [formatWhen(consent.acceptedAt, t('localeCode')), consent.noticeVersion, consent.locale])}</p>
            <p class="hint">{needsAgreement(notice, consent) ? t('consentOutdated') : t('consentCurrent')}</p>
          </>
        )
        : <p>{t('consentNone')}</p>}
      {step.kind === 'confirm'
        ? (
          <div class="confirm" role="group" aria-labelledby="withdraw-question">
            <p id="withdraw-question">{t('consentWithdrawConfirm', String(step.waiting))}</p>
            <div class="buttons start">
              <button type="button" class="primary" onClick={withdraw}>{t('consentWithdrawYes')}</button>
              <button type="button" onClick={() => setStep({ kind: 'idle' })}>{t('consentWithdrawNo')}</button>
            </div>
          </div>
        )
        : agreed && <button type="button" onClick={confirm}>{t('consentWithdraw')}</button>}
      {step.kind === 'done' && <p class={`status ${step.ok ? 'status-ok' : 'status-error'}`} role={step.ok ? 'status' : 'alert'}>{step.text}</p>}
    </section>
  );
}
