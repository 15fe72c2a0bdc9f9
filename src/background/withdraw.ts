// "Withdraw": ask the endpoint that holds a delivered report to delete it, with the deletion
// token it issued. The receipt is marked withdrawn only when the endpoint confirmed.
import type { ReceiptRecord } from './outbox/types';

export type WithdrawResult = { ok: true } | { ok: false; error: 'no_token' | 'unreachable' | 'refused'; status?: number };

export async function withdraw(receipt: ReceiptRecord, ingestToken: string, fetchImpl: typeof fetch): Promise<WithdrawResult> {
  if (!receipt.deletionToken) return { ok: false, error: 'no_token' };
  const url = `${receipt.endpoint.replace(/\/+$/, '')}/${encodeURIComponent(receipt.id)}`;
  const headers: Record<string, string> = { 'deletion-token': receipt.deletionToken };
  if (ingestToken) headers.authorization = `Bearer ${ingestToken}`;
  let res: Response;
  try {
    res = await fetchImpl(url, { method: 'DELETE', headers, credentials: 'omit', redirect: 'error', signal: AbortSignal.timeout(25_000) });
  } catch {
    return { ok: false, error: 'unreachable' };
  }
  // 404: already gone (withdrawn before, or past retention) — the wish is fulfilled either way.
  if (res.ok || res.status === 404) return { ok: true };
  return { ok: false, error: 'refused', status: res.status };
}
