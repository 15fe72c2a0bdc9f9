// The toolbar popup: is anything waiting, did the endpoint take the last report, retry now.
import browser from 'webextension-polyfill';
import type { OutboxSummary } from '../background/outbox/views';
import { SEND_ERROR_KEYS } from '../dialog/labels';
import { ask, formatTime, useBackground } from '../ui/background';
import { t } from '../ui/i18n';
import { requestAccess, useMissingAccess, type MissingAccess } from './access';

/** A grant that is missing or was revoked: delivery there waits; one click asks for it again. */
function AccessMissing({ access, onAnswer }: { access: MissingAccess; onAnswer: () => void }) {
  // requestAccess is the first call in the click: the browser shows its prompt only inside the gesture.
  const allow = () => void requestAccess(access.pattern).then(onAnswer, onAnswer);
  return (
    <div class="access-missing">
      <p role="alert">{t('popupAccessMissing', access.origin)}</p>
      <button type="button" onClick={allow}>{t('popupAllowAccess')}</button>
    </div>
  );
}

export function Popup() {
  const { data: summary, error, reload } = useBackground<OutboxSummary>({ type: 'outbox:summary' });
  const retry = () => void ask({ type: 'outbox:retry' }).then(reload);
  const open = (path: string) => void browser.tabs.create({ url: browser.runtime.getURL(path) });
  const { missing, recheck } = useMissingAccess(summary?.endpoints.map((s) => s.endpoint) ?? []);
  return (
    <main class="popup">
      <h1>{t('extName')}</h1>
      {error && <p role="alert">{error}</p>}
      {missing.map((access) => <AccessMissing key={access.pattern} access={access} onAnswer={recheck} />)}
      {summary && (
        <section aria-label={t('popupOutbox')}>
          <p role="status">{summary.size === 0 ? t('popupOutboxEmpty') : t('popupOutboxCount', [String(summary.size), String(summary.failed)])}</p>
          {summary.endpoints.map((s) => (
            <dl key={s.endpoint} class="endpoint">
              <dt>{t('popupEndpoint')}</dt><dd>{s.endpoint}</dd>
              <dt>{t('popupLastSuccess')}</dt><dd>{formatTime(s.lastSuccessAt)}</dd>
              <dt>{t('popupLastError')}</dt>
              <dd>{s.lastError ? `${formatTime(s.lastErrorAt)}: ${t(SEND_ERROR_KEYS[s.lastError])}${s.lastErrorMessage ? ` (${s.lastErrorMessage})` : ''}` : '—'}</dd>
            </dl>
          ))}
          <button type="button" onClick={retry} disabled={summary.size === 0}>{t('retryNow')}</button>
        </section>
      )}
      <nav class="links">
        <button type="button" onClick={() => open('src/history/index.html')}>{t('historyTitle')}</button>
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>{t('optionsTitle')}</button>
        <button type="button" onClick={() => open('src/explainer/index.html')}>{t('whatIsShared')}</button>
      </nav>
    </main>
  );
}
