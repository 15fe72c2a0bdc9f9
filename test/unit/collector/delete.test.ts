// DELETE /v1/feedback/:id: the deletion token removes report and contact and leaves a tombstone.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { envelope, postEnvelope, startTestCollector, stopTestCollector, type TestCollector } from './fixtures';

let c: TestCollector;
beforeEach(async () => { c = await startTestCollector(); });
afterEach(async () => { await stopTestCollector(c); });

const del = (id: string, headers: Record<string, string> = {}) =>
  fetch(`${c.url}/v1/feedback/${id}`, { method: 'DELETE', headers });

const count = (table: string) => {
  const db = new Database(c.dbPath, { readonly: true });
  const { n } = db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number };
  db.close();
  return n;
};

it('refuses a missing or wrong token and keeps the report', async () => {
  const env = envelope({ contact: 'me@example.org' });
  const other = envelope();
  const { deletion_token: otherToken } = await (await postEnvelope(c, other)).json() as { deletion_token: string };
  expect((await postEnvelope(c, env)).status).toBe(201);

  expect((await del(env.report.id)).status).toBe(401);
  expect((await del(env.report.id, { Authorization: 'Bearer wrong' })).status).toBe(403);
  // A token is bound to its own report.
  expect((await del(env.report.id, { 'Deletion-Token': otherToken })).status).toBe(403);
  expect((await del(env.report.id, { Authorization: 'Bearer admin-secret' })).status).toBe(403);
  expect(count('reports')).toBe(2);
  expect(count('reporter_contacts')).toBe(1);
});

it('deletes report and contact with the right token; a late retry of the same report gets 410', async () => {
  const env = envelope({ contact: 'me@example.org' });
  const { deletion_token: token } = await (await postEnvelope(c, env)).json() as { deletion_token: string };

  expect((await del(env.report.id, { Authorization: `Bearer ${token}` })).status).toBe(204);
  expect(count('reports')).toBe(0);
  expect(count('reporter_contacts')).toBe(0);
  expect(count('tombstones')).toBe(1);

  const late = await postEnvelope(c, env);
  expect(late.status).toBe(410);
  expect(await late.json()).toMatchObject({ error: 'gone' });
  expect(count('reports')).toBe(0);

  // Withdrawing twice is not an error: the report is gone either way.
  expect((await del(env.report.id, { 'Deletion-Token': token })).status).toBe(204);
});

it('keeps tokens valid across a restart (they derive from a secret stored in the database)', async () => {
  const env = envelope();
  const { deletion_token: token } = await (await postEnvelope(c, env)).json() as { deletion_token: string };
  await c.close();
  c = await startTestCollector({ dbPath: c.dbPath });
  expect((await del(env.report.id, { 'Deletion-Token': token })).status).toBe(204);
});

it('answers 404 for an id that is not a report id', async () => {
  expect((await del('not-a-uuid', { 'Deletion-Token': 'x' })).status).toBe(404);
});
