// Builds the report from plain data: a pure function, so the dialog's preview and the
// body that is posted are the same object, and tests can prove what goes in and what not.
import { SCHEMA_VERSION, type Consent, type Envelope, type Omission, type Reason, type Report, type SiteId } from '../shared/schema';
import type { Captured } from '../sites/types';

export interface ReportInput {
  id: string;
  now: Date;
  site: SiteId;
  /** null: a whole conversation shared without a rating (trusted testers only). */
  rating: 'helpful' | 'not_helpful' | null;
  reasons: Reason[];
  comment: string;
  captured: Captured;
  consent: Consent;
  client: Report['client'];
}

/** Merges the adapter's omissions with one entry per integration marker kind (counts only). */
export function summariseOmissions(captured: Captured): Omission[] {
  const counts = new Map<string, Omission>();
  const add = (o: Omission) => {
    const key = `${o.kind}:${o.source ?? ''}`;
    const prev = counts.get(key);
    counts.set(key, prev ? { ...prev, count: prev.count + o.count } : { ...o });
  };
  for (const turn of captured.conversation.turns) {
    for (const block of turn.blocks) {
      if (block.kind === 'integration') add({ kind: 'integration', source: block.source, count: 1 });
    }
  }
  for (const o of captured.omissions) add(o);
  return [...counts.values()];
}

export function buildReport(input: ReportInput): Report {
  const { captured } = input;
  return {
    schema_version: SCHEMA_VERSION,
    id: input.id,
    created_at: input.now.toISOString(),
    site: input.site,
    kind: input.rating === null ? 'share' : 'rating',
    rating: input.rating,
    // Reasons only qualify a "Not helpful"; a Helpful rating carries none.
    reasons: input.rating === 'not_helpful' ? [...new Set(input.reasons)] : [],
    comment: input.comment.trim(),
    rated_turn: input.rating === null ? null : captured.ratedTurn,
    conversation: captured.conversation,
    omissions: summariseOmissions(captured),
    consent: input.consent,
    client: input.client,
  };
}

export function buildEnvelope(report: Report, reporterContact?: string): Envelope {
  const contact = reporterContact?.trim();
  return contact ? { report, reporter: { contact } } : { report };
}
