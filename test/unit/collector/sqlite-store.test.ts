// The SQLite store under group commit, the idempotency hash, and checkpoints off the event loop.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { earlierBodyHash, storedForm } from '../../../src/collector/body-hash';
import { openSqliteStore } from '../../../src/collector/sqlite-store';
import type { FeedbackStore, NewReport } from '../../../src/collector/store';
import { Envelope } from '../../../src/shared/schema';
import { envelope, postEnvelope, startTestCollector, stopTestCollector } from './fixtures';

let dir: string;
let path: string;
let store: FeedbackStore | null;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'collector-store-'));
  path = join(dir, 'feedback.sqlite');
  store = openSqliteStore(path);
});
afterEach(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

const newReport = (env: Envelope): NewReport => {
  const parsed = Envelope.parse(env);
  return { report: parsed.report, ...storedForm(parsed), contact: parsed.reporter?.contact ?? null, receivedAt: new Date() };
};
const count = (table: string) => {
  const db = new Database(path, { readonly: true });
  const { n } = db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number };
  db.close();
  return n;
};

it('tells a retry from a conflict even when both arrive in the same batch as the first', async () => {
  const env = envelope();
  const other = { ...env, report: { ...env.report, comment: 'changed' } };
  const outcomes = await Promise.all([newReport(env), newReport(env), newReport(other)].map((r) => store!.insert(r)));
  expect(outcomes.map((o) => o.status)).toEqual(['created', 'replayed', 'conflict']);
  expect(count('reports')).toBe(1);
});

it('fails a broken insert alone and leaves no contact of it behind', async () => {
  const good = newReport(envelope());
  const broken = newReport(envelope({ contact: 'me@example.org' }));
  // Fails in the report insert, after its contact row was written.
  (broken.report as { site: unknown }).site = undefined;
  const results = await Promise.allSettled([store!.insert(good), store!.insert(broken)]);
  expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
  expect(count('reports')).toBe(1);
  expect(count('reporter_contacts')).toBe(0);
});

it('copies the log into the database file from its worker, without the writer checkpointing', async () => {
  const before = statSync(path).size;
  // ~250 KB of reports: far below the threshold at which the writer would checkpoint itself.
  await Promise.all(Array.from({ length: 40 }, () => store!.insert(newReport(envelope({ comment: 'x'.repeat(4_000) })))));
  await expect.poll(() => statSync(path).size, { timeout: 3_000 }).toBeGreaterThan(before + 100_000);
});

it('answers a retry of a report stored by an earlier version (older hash) as a replay', async () => {
  const env = envelope({ contact: 'me@example.org' });
  const stored = newReport(env);
  await store!.insert({ ...stored, bodyHash: earlierBodyHash(Envelope.parse(env)) });
  await store!.close();
  store = null;
  const c = await startTestCollector({ dbPath: path });
  try {
    const again = await postEnvelope(c, env);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const other = await postEnvelope(c, { ...env, report: { ...env.report, comment: 'changed' } });
    expect(other.status).toBe(422);
  } finally {
    await stopTestCollector(c, true);
  }
});

it('treats feature toggles sent in another order as the same body', async () => {
  const env = envelope();
  env.report.conversation.settings.features = { web_search: true, artifacts: false };
  await store!.close();
  store = null;
  const c = await startTestCollector({ dbPath: path });
  try {
    expect((await postEnvelope(c, env)).status).toBe(201);
    const reordered = structuredClone(env);
    reordered.report.conversation.settings.features = { artifacts: false, web_search: true };
    expect((await postEnvelope(c, reordered)).headers.get('idempotent-replayed')).toBe('true');
  } finally {
    await stopTestCollector(c, true);
  }
});
