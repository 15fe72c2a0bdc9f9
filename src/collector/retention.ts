// Retention periods as operators write them ("10y", "18mo", "30d"). Calendar arithmetic in UTC,
// so "10y" ends on the same date ten years on, whatever leap days lie between.
export interface Retention {
  /** The period as given, normalised ("10y"). */
  text: string;
  amount: number;
  unit: 'y' | 'mo' | 'w' | 'd' | 'h';
}

const PATTERN = /^(\d{1,4})(y|mo|w|d|h)$/;

export function parseRetention(raw: string): Retention {
  const match = PATTERN.exec(raw.trim().toLowerCase());
  const amount = match ? Number(match[1]) : 0;
  if (!match || amount < 1) {
    throw new Error(`retention "${raw}" is not a period like 10y, 18mo, 6w, 30d or 12h`);
  }
  return { text: `${amount}${match[2]}`, amount, unit: match[2] as Retention['unit'] };
}

/** Reports received before this instant are past retention. */
export function retentionCutoff(now: Date, r: Retention): Date {
  const d = new Date(now.getTime());
  switch (r.unit) {
    case 'y': d.setUTCFullYear(d.getUTCFullYear() - r.amount); break;
    case 'mo': d.setUTCMonth(d.getUTCMonth() - r.amount); break;
    case 'w': d.setUTCDate(d.getUTCDate() - 7 * r.amount); break;
    case 'd': d.setUTCDate(d.getUTCDate() - r.amount); break;
    case 'h': d.setUTCHours(d.getUTCHours() - r.amount); break;
  }
  return d;
}

/** Approximate length in days, for the policy's machine-readable field. */
export function retentionDays(r: Retention): number {
  const perUnit = { y: 365, mo: 30, w: 7, d: 1, h: 1 / 24 }[r.unit];
  return Math.round(r.amount * perUnit * 100) / 100;
}
