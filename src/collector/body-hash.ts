// What idempotency compares: "the same body" means the same JSON value, whatever the key order
// and whitespace. zod emits every object's known keys in schema order (unknown ones stripped),
// so JSON.stringify of the parsed envelope is already canonical except for the one record in
// the schema, the feature toggles, whose keys come in the sender's order: those are sorted.
// The stored report is this same string, so hashing costs one stringify that storing needs anyway.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../core/notice';
import type { Envelope } from '../shared/schema';

export interface StoredForm {
  /** The report as stored (parsed, feature toggles sorted by name). */
  reportJson: string;
  /** sha-256 hex over the stored report and the reporter contact. */
  bodyHash: string;
}

const byName = ([a]: [string, unknown], [b]: [string, unknown]) => (a < b ? -1 : a > b ? 1 : 0);

/** Sorts the parsed envelope's feature toggles in place and hashes the result. */
export function storedForm(envelope: Envelope): StoredForm {
  const { settings } = envelope.report.conversation;
  settings.features = Object.fromEntries(Object.entries(settings.features).sort(byName));
  const reportJson = JSON.stringify(envelope.report);
  // JSON text never holds a raw newline, so the separator keeps the two parts apart.
  const bodyHash = createHash('sha256')
    .update(reportJson).update('\n').update(JSON.stringify(envelope.reporter?.contact ?? null))
    .digest('hex');
  return { reportJson, bodyHash };
}

/** The hash collectors stored before this form existed (generic canonical JSON, ~3x slower). */
export function earlierBodyHash(envelope: Envelope): string {
  return createHash('sha256').update(canonicalJson(envelope)).digest('hex');
}
