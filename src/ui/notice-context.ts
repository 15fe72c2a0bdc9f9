// Who a notice names: the endpoint's origin and the policy it declares. The dialog, the options
// page, the "What is shared" page and the background all read it the same way.
import { checkEndpoint } from '../shared/endpoint';
import { fetchDeclaredPolicy } from './policy';

export interface NoticeContext {
  /** The endpoint's origin; the raw setting when it is not a valid endpoint (sending then fails by name). */
  origin: string;
  /** What the endpoint declares at GET /v1/policy; null when it declares nothing. */
  policy: unknown;
}

export async function noticeContextFor(endpoint: string): Promise<NoticeContext> {
  const checked = checkEndpoint(endpoint);
  if (!checked.ok) return { origin: endpoint, policy: null };
  return { origin: checked.url.origin, policy: await fetchDeclaredPolicy(checked.url.origin) };
}
