// The review API's shapes. Pure and free of Node imports: the review page imports these types.
import type { Omission, AnyReport } from '../shared/schema';
import type { StoredReport } from './store';

export interface ReportSummary {
  id: string;
  received_at: string;
  site: AnyReport['site'];
  rating: AnyReport['rating'];
  reasons: AnyReport['reasons'];
  comment: string;
  turns: number;
  omissions: Omission[];
  complete: boolean;
  trusted_tester: boolean;
}

export interface ReportPage {
  reports: ReportSummary[];
  /** Opaque cursor: pass as `before` for the next (older) page; null on the last page. */
  next_before: string | null;
}

export interface ReportDetail {
  id: string;
  received_at: string;
  report: AnyReport;
}

export function summarise(s: StoredReport): ReportSummary {
  const r = s.report;
  return {
    id: s.id,
    received_at: s.receivedAt.toISOString(),
    site: r.site,
    rating: r.rating,
    reasons: r.reasons,
    comment: r.comment,
    turns: r.conversation.turns.length,
    omissions: r.omissions,
    complete: r.conversation.complete,
    trusted_tester: r.consent.trusted_tester,
  };
}
