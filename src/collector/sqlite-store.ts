// SQLite implementation of FeedbackStore (better-sqlite3: synchronous, one connection, so
// each insert's check-then-write is atomic without extra locking). Inserts are group-committed
// (group-commit.ts): one transaction per event-loop turn, each answered after its commit.
// Exports read through a second, read-only connection: WAL lets it iterate a snapshot while
// the writer goes on.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import type { AnyReport } from '../shared/schema';
import { startCheckpointer } from './checkpointer';
import { groupCommit, type Settled } from './group-commit';
import type { FeedbackStore, InsertOutcome, ListQuery, NewReport, RemoveOutcome, StoredReport } from './store';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS reports (
  id TEXT PRIMARY KEY,
  received_at INTEGER NOT NULL,
  rating TEXT NOT NULL,
  site TEXT NOT NULL,
  schema_version INTEGER NOT NULL,
  body_hash TEXT NOT NULL,
  report TEXT NOT NULL,
  contact_link TEXT UNIQUE
);
CREATE INDEX IF NOT EXISTS reports_by_time ON reports (received_at, id);
-- WITHOUT ROWID: rows sit in the order of their random link, so not even insertion order
-- ties a contact to a report.
CREATE TABLE IF NOT EXISTS reporter_contacts (link TEXT PRIMARY KEY, contact TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS tombstones (id TEXT PRIMARY KEY, deleted_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value BLOB NOT NULL);
PRAGMA user_version = 1;
`;

/** Inserts per transaction at most; more arriving in one turn start the next transaction. */
const MAX_BATCH = 64;

interface ReportRow { id: string; received_at: number; report: string }

const toStored = (row: ReportRow): StoredReport => ({
  id: row.id,
  receivedAt: new Date(row.received_at),
  report: JSON.parse(row.report) as AnyReport,
});

export function openSqliteStore(path: string): FeedbackStore {
  mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  // NORMAL in WAL mode: a commit survives a crash of this process; only an OS crash or power
  // loss can lose the last commits, never corrupt the file.
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  const checkpointer = startCheckpointer(db, path);

  const q = {
    tombstone: db.prepare<[string], { id: string }>('SELECT id FROM tombstones WHERE id = ?'),
    existing: db.prepare<[string], { body_hash: string; received_at: number }>(
      'SELECT body_hash, received_at FROM reports WHERE id = ?'),
    insertReport: db.prepare(`INSERT INTO reports
      (id, received_at, rating, site, schema_version, body_hash, report, contact_link)
      VALUES (@id, @received_at, @rating, @site, @schema_version, @body_hash, @report, @contact_link)`),
    insertContact: db.prepare('INSERT INTO reporter_contacts (link, contact) VALUES (?, ?)'),
    linkOf: db.prepare<[string], { contact_link: string | null }>('SELECT contact_link FROM reports WHERE id = ?'),
    deleteContact: db.prepare('DELETE FROM reporter_contacts WHERE link = ?'),
    deleteReport: db.prepare('DELETE FROM reports WHERE id = ?'),
    insertTombstone: db.prepare('INSERT OR IGNORE INTO tombstones (id, deleted_at) VALUES (?, ?)'),
    get: db.prepare<[string], ReportRow>('SELECT id, received_at, report FROM reports WHERE id = ?'),
    list: db.prepare<[{ rating: string | null; before: number; beforeId: string; limit: number }], ReportRow>(`
      SELECT id, received_at, report FROM reports
      WHERE (@rating IS NULL OR rating = @rating) AND (received_at, id) < (@before, @beforeId)
      ORDER BY received_at DESC, id DESC LIMIT @limit`),
    purgeContacts: db.prepare(`DELETE FROM reporter_contacts WHERE link IN
      (SELECT contact_link FROM reports WHERE received_at < ? AND contact_link IS NOT NULL)`),
    purgeReports: db.prepare('DELETE FROM reports WHERE received_at < ?'),
    secret: db.prepare<[], { value: Buffer }>("SELECT value FROM meta WHERE key = 'token_secret'"),
    initSecret: db.prepare("INSERT OR IGNORE INTO meta (key, value) VALUES ('token_secret', ?)"),
  };

  const insertOne = (input: NewReport): InsertOutcome => {
    const { report } = input;
    if (q.tombstone.get(report.id)) return { status: 'gone' };
    const prior = q.existing.get(report.id);
    if (prior) {
      const same = prior.body_hash === input.bodyHash || prior.body_hash === input.earlierBodyHash?.();
      return same ? { status: 'replayed', receivedAt: new Date(prior.received_at) } : { status: 'conflict' };
    }
    const link = input.contact === null ? null : randomBytes(16).toString('hex');
    if (link !== null) q.insertContact.run(link, input.contact);
    q.insertReport.run({
      id: report.id,
      received_at: input.receivedAt.getTime(),
      // A shared conversation (schema 2) has no rating: 'share' keeps the column's NOT NULL.
      rating: report.rating ?? 'share',
      site: report.site,
      schema_version: report.schema_version,
      body_hash: input.bodyHash,
      report: input.reportJson,
      contact_link: link,
    });
    return { status: 'created', receivedAt: input.receivedAt };
  };
  const insertAll = db.transaction((inputs: NewReport[]) => inputs.map(insertOne));
  const insertAlone = db.transaction(insertOne);
  // One transaction for the batch; if anything in it fails, none of it committed, and each
  // insert is run again in its own transaction, so one bad insert fails alone (and a contact
  // never outlives a failed report insert). Cheaper than a savepoint per insert.
  const inserts = groupCommit((inputs: NewReport[]): Settled<InsertOutcome>[] => {
    try {
      return insertAll(inputs).map((value) => ({ ok: true, value }));
    } catch {
      return inputs.map((input) => {
        try {
          return { ok: true, value: insertAlone(input) };
        } catch (error) {
          return { ok: false, error };
        }
      });
    }
  }, MAX_BATCH);

  const remove = db.transaction((id: string, at: Date): RemoveOutcome => {
    const row = q.linkOf.get(id);
    if (!row) return q.tombstone.get(id) ? 'already_removed' : 'not_found';
    if (row.contact_link !== null) q.deleteContact.run(row.contact_link);
    q.deleteReport.run(id);
    q.insertTombstone.run(id, at.getTime());
    return 'removed';
  });

  const purge = db.transaction((cutoff: number): number => {
    q.purgeContacts.run(cutoff);
    return q.purgeReports.run(cutoff).changes;
  });

  return {
    insert: (input) => inserts.submit(input),
    // Queued inserts first, so writes reach the database in the order they were asked for.
    remove: async (id, at) => {
      inserts.flush();
      return remove(id, at);
    },
    get: async (id) => {
      const row = q.get.get(id);
      return row ? toStored(row) : null;
    },
    list: async (query: ListQuery) => q.list
      .all({
        rating: query.rating ?? null,
        before: query.before?.receivedAt.getTime() ?? Number.MAX_SAFE_INTEGER,
        beforeId: query.before?.id ?? '',
        limit: query.limit,
      })
      .map(toStored),
    each: () => iterateSnapshot(path),
    purgeBefore: async (cutoff) => {
      inserts.flush();
      return purge(cutoff.getTime());
    },
    secret: async () => {
      q.initSecret.run(randomBytes(32));
      const row = q.secret.get();
      if (!row) throw new Error('token secret missing after it was created');
      return row.value;
    },
    close: async () => {
      inserts.flush();
      await checkpointer.stop();
      db.close();
    },
  };
}

async function* iterateSnapshot(path: string): AsyncGenerator<StoredReport> {
  const reader = new Database(path, { readonly: true, fileMustExist: true });
  const rows = reader
    .prepare<[], ReportRow>('SELECT id, received_at, report FROM reports ORDER BY received_at, id')
    .iterate();
  try {
    for (const row of rows) yield toStored(row);
  } finally {
    rows.return?.();
    reader.close();
  }
}
