// The feedback form for a readable conversation. The preview and the posted body are one
// envelope object, rebuilt only when the user's choices change; a retry of unchanged choices
// reuses its id, so the endpoint can tell a retry from a new report.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { buildEnvelope, buildReport } from '../core/build-report';
import { saveConsent } from '../core/consent';
import type { Draft, Rating } from '../shared/messages';
import { MAX_COMMENT, type Reason } from '../shared/schema';
import type { Captured } from '../sites/types';
import { clientInfo } from '../ui/client';
import { shownLocale, t } from '../ui/i18n';
import { ContactChoice } from './ContactChoice';
import { Explainer } from './Explainer';
import { Preview } from './Preview';
import { RatingChoice, ReasonChoices } from './RatingFields';
import { sendEnvelope } from './send';
import { SendStatus, type SendPhase } from './SendStatus';
import type { DialogSetup } from './use-dialog-setup';

interface Props {
  draft: Draft;
  captured: Captured;
  setup: DialogSetup;
  onClose: () => void;
}

export function FeedbackForm({ draft, captured, setup, onClose }: Props) {
  const [rating, setRating] = useState<Rating>(draft.rating);
  const [reasons, setReasons] = useState<Reason[]>([]);
  const [comment, setComment] = useState('');
  // A contact given in the options is attached unless the user leaves it out of this report.
  const [attachContact, setAttachContact] = useState(true);
  // Agreement is to one notice: when the endpoint (and so the notice) changes, it must be given again.
  const [agreedHash, setAgreedHash] = useState<string | null>(null);
  const [phase, setPhase] = useState<SendPhase>({ kind: 'idle' });
  const { notice, options } = setup;
  const agreed = agreedHash === notice.hash;
  const locale = shownLocale();

  const contact = attachContact ? options.reporterContact : '';
  const envelope = useMemo(() => buildEnvelope(buildReport({
    id: crypto.randomUUID(),
    now: new Date(),
    site: draft.site,
    rating,
    reasons,
    comment,
    captured,
    // A report sent through this dialog is an ordinary one, also in trusted-tester mode: programme
    // reports are the one-click ones, built by the background from the tester's own agreement.
    consent: { notice_version: notice.version, notice_hash: notice.hash, locale, trusted_tester: false },
    client: clientInfo(),
  }), contact), [rating, reasons, comment, draft.site, captured, notice, locale, contact]);

  // Delivered, or safely queued for a retry: either way the report is out of the user's hands.
  const delivered = phase.kind === 'done' && (phase.result.ok || phase.result.retryAt !== undefined);
  // A refused report stays in the outbox as failed; a changed version sent after it replaces it.
  const failedId = useRef<string | null>(null);
  // Send disappears once delivered: hand focus to Close so the keyboard is not left on nothing.
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (delivered) closeButton.current?.focus();
  }, [delivered]);
  const canSend = (!setup.needsAgreement || agreed) && phase.kind !== 'sending' && !delivered;

  const send = async (e: Event) => {
    e.preventDefault();
    if (!canSend) return;
    setPhase({ kind: 'sending' });
    try {
      // The agreement is recorded before anything leaves; its time stays in the browser.
      if (setup.needsAgreement) {
        await saveConsent(browser.storage.local, {
          noticeVersion: notice.version, noticeHash: notice.hash, acceptedAt: new Date().toISOString(), locale,
        });
      }
      const replaces = failedId.current !== envelope.report.id ? failedId.current ?? undefined : undefined;
      const result = await sendEnvelope(envelope, options.endpoint, replaces);
      failedId.current = !result.ok && result.retryAt === undefined ? envelope.report.id : null;
      setPhase({ kind: 'done', result });
    } catch (err) {
      setPhase({ kind: 'done', result: { ok: false, error: 'extension_error', message: String(err).slice(0, 300) } });
    }
  };

  return (
    <form class="feedback" onSubmit={(e) => void send(e)}>
      <fieldset class="plain" disabled={delivered || phase.kind === 'sending'}>
        <RatingChoice rating={rating} onChange={setRating} />
        {rating === 'not_helpful' && <ReasonChoices reasons={reasons} onChange={setReasons} />}
        <label for="comment" class="field-label">{t('commentLabel')}</label>
        <textarea id="comment" rows={3} maxLength={MAX_COMMENT} aria-describedby="comment-hint" value={comment}
          onInput={(e) => setComment(e.currentTarget.value)} />
        <p id="comment-hint" class="hint">{t('commentHint')}</p>
        {options.reporterContact && <ContactChoice contact={options.reporterContact} attach={attachContact} onChange={setAttachContact} />}
      </fieldset>
      <Explainer origin={setup.origin} policy={setup.policy} />
      <Preview envelope={envelope} />
      <div class="footer">
        {setup.needsAgreement
          ? (
            <label class="choice agree">
              <input type="checkbox" checked={agreed} disabled={delivered}
                onChange={(e) => setAgreedHash(e.currentTarget.checked ? notice.hash : null)} />
              {t('agreeLabel', setup.origin)}
            </label>
          )
          : <p class="hint">{t('agreedBefore')}</p>}
        <SendStatus phase={phase} />
        <div class="buttons">
          {delivered
            ? <button type="button" class="primary" ref={closeButton} onClick={onClose}>{t('close')}</button>
            : (
              <>
                <button type="button" onClick={onClose}>{t('cancel')}</button>
                <button type="submit" class="primary" disabled={!canSend}>{t('sendFeedback')}</button>
              </>
            )}
        </div>
      </div>
    </form>
  );
}
