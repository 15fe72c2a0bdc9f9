// Credentials: the ingest token (who may post), the admin token (who may read), and
// per-report deletion tokens. Deletion tokens are derived, not stored: an HMAC of the id
// under a per-database secret, so a replayed answer can hand out the same token again.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** Constant-time comparison of two secrets of any length (hashed first to equal lengths). */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export function bearerToken(header: string | null | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1] ?? null;
}

/** The password of an HTTP Basic credential (the user name is not checked). */
export function basicPassword(header: string | null | undefined): string | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? null : decoded.slice(colon + 1);
}

/** Admin requests carry the admin token as a Bearer token or as a Basic password. */
export function isAdmin(authorization: string | null | undefined, adminToken: string): boolean {
  const given = bearerToken(authorization) ?? basicPassword(authorization);
  return given !== null && sameSecret(given, adminToken);
}

export function deletionToken(secret: Buffer, reportId: string): string {
  return createHmac('sha256', secret).update(`delete:${reportId}`).digest('base64url');
}

export function isDeletionToken(secret: Buffer, reportId: string, given: string): boolean {
  return sameSecret(given, deletionToken(secret, reportId));
}
