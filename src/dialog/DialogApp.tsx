// The dialog page: waits for the draft and the setup, then shows the form — or says plainly
// why there is nothing to send. An unreadable conversation is never offered for sending.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../ui/i18n';
import { watchDraft, type DraftState } from './draft-watch';
import { FeedbackForm } from './FeedbackForm';
import { Modal } from './Modal';
import { closeDialog } from './send';
import { useDialogSetup } from './use-dialog-setup';

function Notice({ text, detail, onClose, busy = false }: { text: string; detail?: string; onClose: () => void; busy?: boolean }) {
  return (
    <div class="notice">
      <p role={busy ? 'status' : 'alert'}>{text}</p>
      {detail && <p class="hint">{t('errorDetail', detail)}</p>}
      <div class="buttons">
        <button type="button" onClick={onClose}>{busy ? t('cancel') : t('close')}</button>
      </div>
    </div>
  );
}

export function DialogApp({ draftId, onClose = closeDialog }: { draftId: string; onClose?: () => void }) {
  const [draft, setDraft] = useState<DraftState>({ kind: 'waiting' });
  const setup = useDialogSetup();
  useEffect(() => watchDraft(draftId, setDraft), [draftId]);

  let body;
  if (draft.kind === 'invalid') body = <Notice text={t('draftMissing')} onClose={onClose} />;
  else if (draft.kind === 'ready' && !draft.draft.capture.ok) {
    body = <Notice text={t('captureUnreadable')} detail={draft.draft.capture.detail} onClose={onClose} />;
  } else if (setup.kind === 'failed') body = <Notice text={t('setupFailed')} onClose={onClose} />;
  else if (draft.kind === 'waiting' || setup.kind === 'loading') body = <Notice text={t('loading')} onClose={onClose} busy />;
  else if (draft.draft.capture.ok) {
    body = <FeedbackForm draft={draft.draft} captured={draft.draft.capture.captured} setup={setup.setup} onClose={onClose} />;
  }
  return <Modal title={t('dialogTitle')} onClose={onClose}>{body}</Modal>;
}
