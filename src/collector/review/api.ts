// The review page's calls to its collector. Same origin; the browser adds the admin
// credential it already asked for (HTTP Basic), so no secret lives in the page.
import type { ReportDetail, ReportPage } from '../summary';

export type RatingFilter = 'all' | 'helpful' | 'not_helpful';

export interface ReviewApi {
  list(rating: RatingFilter, before: string | null): Promise<ReportPage>;
  get(id: string): Promise<ReportDetail>;
}

async function getJson<T>(fetchFn: typeof fetch, path: string): Promise<T> {
  const res = await fetchFn(path, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
  if (!res.ok) throw new Error(`${res.status} ${res.statusText}`.trim());
  return await res.json() as T;
}

export function httpApi(fetchFn: typeof fetch = (...args) => fetch(...args)): ReviewApi {
  return {
    list: (rating, before) => {
      const q = new URLSearchParams();
      if (rating !== 'all') q.set('rating', rating);
      if (before) q.set('before', before);
      const query = q.toString();
      return getJson<ReportPage>(fetchFn, `/api/reports${query ? `?${query}` : ''}`);
    },
    get: (id) => getJson<ReportDetail>(fetchFn, `/api/reports/${encodeURIComponent(id)}`),
  };
}

export const exportUrl = (format: 'jsonl' | 'kto') => `/v1/export?format=${format}`;
