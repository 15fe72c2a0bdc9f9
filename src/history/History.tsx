// What this browser sent: reports still on their way (with their exact body, retry, delete)
// and receipts of delivered ones (withdraw). Delivered reports keep no copy of the conversation.
import { useState } from 'preact/hooks';
import type { HistoryEntry, OutboxItem, ReceiptRecord } from '../background/outbox/types';
import { SEND_ERROR_KEYS } from '../dialog/labels';
import { ask, formatTime, useBackground } from '../ui/background';
import { t } from '../ui/i18n';

const ratingText = (r: OutboxItem['rating']) => t(r === null ? 'sharedConversation' : r === 'helpful' ? 'helpful' : 'notHelpful');

function itemStatus(item: OutboxItem): string {
  if (item.state === 'sending') return t('historySending');
  const reason = item.lastError ? t(SEND_ERROR_KEYS[item.lastError]) : '';
  if (item.state === 'failed') return t('historyFailed', reason + (item.lastMessage ? ` (${item.lastMessage})` : ''));
  return t('historyQueued', [formatTime(item.nextAttemptAt), reason]);
}

function OutboxRow({ item, onDone }: { item: OutboxItem; onDone: () => void }) {
  const act = (message: Parameters<typeof ask>[0]) => void ask(message).then(onDone);
  return (
    <li class="entry">
      <p><strong>{formatTime(item.createdAt)}</strong> · {item.site} · {ratingText(item.rating)}</p>
      <p role="status">{itemStatus(item)}</p>
      <details><summary>{t('exactJson')}</summary><pre>{JSON.stringify(JSON.parse(item.body), null, 2)}</pre></details>
      <button type="button" onClick={() => act({ type: 'outbox:retry', id: item.id })}>{t('retryNow')}</button>
      <button type="button" onClick={() => act({ type: 'outbox:remove', id: item.id })}>{t('historyDelete')}</button>
    </li>
  );
}

function ReceiptRow({ receipt, onDone }: { receipt: ReceiptRecord; onDone: () => void }) {
  const [note, setNote] = useState<string | null>(null);
  const withdraw = () => void ask<{ ok: boolean; error?: string; status?: number }>({ type: 'history:withdraw', id: receipt.id })
    .then((r) => { setNote(r.ok ? null : t('historyWithdrawFailed', r.status ? `HTTP ${r.status}` : r.error ?? '')); onDone(); });
  return (
    <li class="entry">
      <p><strong>{formatTime(receipt.createdAt)}</strong> · {receipt.site} · {ratingText(receipt.rating)}</p>
      <p role="status">{receipt.withdrawn ? t('historyWithdrawn') : t('historyDelivered', formatTime(receipt.deliveredAt))}</p>
      <p class="hint">{t('historyReceipt', [receipt.id, receipt.endpoint])}</p>
      {!receipt.withdrawn && receipt.deletionToken && <button type="button" onClick={withdraw}>{t('historyWithdraw')}</button>}
      {note && <p role="alert">{note}</p>}
    </li>
  );
}

export function History() {
  const { data: entries, error, reload } = useBackground<HistoryEntry[]>({ type: 'outbox:history' });
  const clear = () => void ask({ type: 'history:clear' }).then(reload);
  return (
    <main class="history">
      <h1>{t('historyTitle')}</h1>
      <p class="hint">{t('historyIntro')}</p>
      {error && <p role="alert">{error}</p>}
      {entries?.length === 0 && <p>{t('historyEmpty')}</p>}
      <ul class="entries" aria-label={t('historyTitle')}>
        {entries?.map((e) => (e.kind === 'outbox'
          ? <OutboxRow key={e.item.id} item={e.item} onDone={reload} />
          : <ReceiptRow key={e.receipt.id} receipt={e.receipt} onDone={reload} />))}
      </ul>
      <button type="button" onClick={clear}>{t('historyClear')}</button>
    </main>
  );
}
