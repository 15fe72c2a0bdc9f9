// Small pure formatters shared by the list and the full view.
import type { Omission } from '../../shared/schema';

export const formatTime = (iso: string) => new Date(iso).toLocaleString();

export const formatOmissions = (omissions: Omission[]) =>
  omissions.map((o) => `${o.kind}${o.source ? ` (${o.source})` : ''} × ${o.count}`).join(', ');

export const reasonText = (reasons: string[]) => reasons.map((r) => r.replace(/_/g, ' ')).join(', ');
