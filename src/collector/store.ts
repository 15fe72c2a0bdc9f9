// The collector's one storage seam. Everything the HTTP layer needs from a database is here,
// async so a server database (Postgres, …) can replace the embedded SQLite without touching
// the routes. Reporter contacts go in and are deleted, but no method reads them back: the
// review page and the exports cannot leak what they cannot fetch.
import type { AnyReport } from '../shared/schema';

export interface StoredReport {
  id: string;
  receivedAt: Date;
  report: AnyReport;
}

export interface NewReport {
  report: AnyReport;
  /** `report` as JSON, the form that is stored (see body-hash.ts). */
  reportJson: string;
  /** Hash of the request body, to tell a retry (same body) from a conflicting reuse of the id. */
  bodyHash: string;
  /**
   * The same body's hash in the form earlier collector versions stored; asked only when a
   * stored hash differs, so a retry of a report stored before an upgrade is still a replay.
   */
  earlierBodyHash?: () => string;
  /** Reporter contact, stored in its own table behind a random link. */
  contact: string | null;
  receivedAt: Date;
}

export type InsertOutcome =
  | { status: 'created'; receivedAt: Date }
  /** Same id, same body: the earlier answer stands. */
  | { status: 'replayed'; receivedAt: Date }
  /** Same id, another body. */
  | { status: 'conflict' }
  /** The id was deleted by its reporter; it is never stored again. */
  | { status: 'gone' };

export type RemoveOutcome = 'removed' | 'already_removed' | 'not_found';

export interface ListQuery {
  rating?: NonNullable<AnyReport['rating']>;
  /** Only reports older than this one (paging, newest first; ties in time broken by id). */
  before?: { receivedAt: Date; id: string };
  limit: number;
}

export interface FeedbackStore {
  /**
   * Atomic: the id check and the insert cannot interleave with another insert of the same id.
   * Resolves only once the row is durable (committed), so an answer sent after it is a receipt.
   */
  insert(input: NewReport): Promise<InsertOutcome>;
  /** Deletes report and contact and leaves a tombstone for the id. */
  remove(id: string, at: Date): Promise<RemoveOutcome>;
  get(id: string): Promise<StoredReport | null>;
  /** Newest first. */
  list(query: ListQuery): Promise<StoredReport[]>;
  /** Every report, oldest first, one at a time (a consistent snapshot; never all in memory). */
  each(): AsyncIterable<StoredReport>;
  /** Deletes reports (and their contacts) received before `cutoff`; returns how many. */
  purgeBefore(cutoff: Date): Promise<number>;
  /** A per-database secret (created once), for tokens that must survive restarts. */
  secret(): Promise<Buffer>;
  close(): Promise<void>;
}
