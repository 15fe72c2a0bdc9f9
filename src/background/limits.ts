// Size caps the background applies before a message is parsed: every field has its own cap in
// the schema, and the whole message has this one, so no sender can make the background hold
// or store more than a report could ever carry.
import { MAX_BODY_BYTES, bodyBytes } from './outbox/http';

/** The largest body that can be posted, plus room for the message around it (type, endpoint, ids). */
export const MAX_MESSAGE_BYTES = MAX_BODY_BYTES + 64 * 1024;

/** The message's size as JSON in UTF-8; null when it is not plain data (cycles, BigInt). */
export function messageBytes(raw: unknown): number | null {
  try {
    const json = JSON.stringify(raw);
    return json === undefined ? 0 : bodyBytes(json);
  } catch {
    return null;
  }
}
