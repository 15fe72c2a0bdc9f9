// What the endpoint declares about itself at GET <origin>/v1/policy. The explainer shows it and
// the notice hash covers it; an endpoint that does not answer with JSON declares nothing (null).
export const POLICY_TIMEOUT_MS = 3_000;

export async function fetchDeclaredPolicy(
  endpointOrigin: string,
  fetchFn: typeof fetch = (...args) => fetch(...args),
  timeoutMs = POLICY_TIMEOUT_MS,
): Promise<unknown> {
  try {
    const res = await fetchFn(`${endpointOrigin}/v1/policy`, {
      credentials: 'omit', redirect: 'error', signal: AbortSignal.timeout(timeoutMs),
      headers: { accept: 'application/json' },
    });
    if (!res.ok) return null;
    const json: unknown = await res.json();
    return json !== null && typeof json === 'object' ? json : null;
  } catch {
    return null;
  }
}

/**
 * The fields of a declared policy the explainer puts into words (the reference collector's
 * shape, src/collector/policy.ts); null where the policy does not say. The full JSON is shown too.
 */
export interface PolicySummary {
  operator: string | null;
  /** A period as the operator wrote it ("10y"), and its approximate length in days. */
  retention: { period: string | null; days: number | null } | null;
  uses: string[];
  identityKeptApart: boolean | null;
  notCombined: boolean | null;
  storesIpOrUserAgent: boolean | null;
}

const bool = (v: unknown) => (typeof v === 'boolean' ? v : null);
const str = (v: unknown) => (typeof v === 'string' && v ? v.slice(0, 200) : null);
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null);

export function summarisePolicy(policy: unknown): PolicySummary | null {
  if (!policy || typeof policy !== 'object' || Array.isArray(policy)) return null;
  const p = policy as Record<string, unknown>;
  const r = (p.retention && typeof p.retention === 'object' ? p.retention : {}) as Record<string, unknown>;
  const period = str(r.period);
  const days = num(r.approx_days) ?? num(p.retention_days);
  return {
    operator: str(p.operator),
    retention: period || days !== null ? { period, days } : null,
    uses: Array.isArray(p.uses) ? p.uses.filter((u): u is string => typeof u === 'string').slice(0, 20) : [],
    identityKeptApart: bool(p.identity_kept_apart),
    notCombined: bool(p.not_combined),
    storesIpOrUserAgent: bool(p.stores_ip_or_user_agent),
  };
}
