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

/** The fields of a declared policy the explainer puts into words; the rest is shown as JSON. */
export interface PolicySummary {
  operator: string | null;
  retentionDays: number | null;
  uses: string[];
}

export function summarisePolicy(policy: unknown): PolicySummary | null {
  if (!policy || typeof policy !== 'object') return null;
  const p = policy as Record<string, unknown>;
  return {
    operator: typeof p.operator === 'string' && p.operator ? p.operator.slice(0, 200) : null,
    retentionDays: typeof p.retention_days === 'number' && p.retention_days >= 0 ? p.retention_days : null,
    uses: Array.isArray(p.uses) ? p.uses.filter((u): u is string => typeof u === 'string').slice(0, 20) : [],
  };
}
