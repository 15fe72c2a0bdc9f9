// The read side: review page, its API and the exports open with the admin credential only.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReportDetail, ReportPage } from '../../../src/collector/summary';
import type { KtoRow } from '../../../src/collector/export-rows';
import { admin, CANARY, envelope, postEnvelope, startTestCollector, stopTestCollector, type TestCollector } from './fixtures';

let c: TestCollector;
beforeEach(async () => { c = await startTestCollector({ ingestToken: 'ingest-secret' }); });
afterEach(async () => { await stopTestCollector(c); });

const ingest = { Authorization: 'Bearer ingest-secret' };
const get = (path: string, headers: Record<string, string> = {}) => fetch(`${c.url}${path}`, { headers });
const basic = (user: string, pass: string) => ({ Authorization: `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}` });

describe('admin credential', () => {
  const paths = ['/', '/review/assets/app.js', '/api/reports', '/api/reports/x', '/v1/export?format=jsonl', '/v1/export?format=kto'];

  it('refuses every read path without it, with the ingest token, or with a wrong one', async () => {
    for (const path of paths) {
      for (const headers of [{}, ingest, { Authorization: 'Bearer nope' }, basic('admin', 'nope')]) {
        const res = await get(path, headers);
        expect(res.status, `${path} ${JSON.stringify(headers)}`).toBe(401);
        expect(res.headers.get('www-authenticate')).toMatch(/^Basic /);
      }
    }
  });

  it('accepts it as a Bearer token or as a Basic password', async () => {
    expect((await get('/api/reports', admin)).status).toBe(200);
    expect((await get('/api/reports', basic('anyone', 'admin-secret'))).status).toBe(200);
  });

  it('serves the built page with a strict CSP, and says so when it is not built', async () => {
    expect((await get('/', admin)).status).toBe(503);
    mkdirSync(join(c.dir, 'review', 'assets'), { recursive: true });
    writeFileSync(join(c.dir, 'review', 'index.html'), '<!doctype html><title>Review</title>');
    writeFileSync(join(c.dir, 'review', 'assets', 'app.js'), 'export {};');
    const page = await get('/', admin);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<title>Review</title>');
    expect((await get('/review/assets/app.js', admin)).headers.get('content-type')).toMatch(/javascript/);
    expect((await get('/review/..%2F..%2Ffeedback.sqlite', admin)).status).toBe(404);
    expect((await get('/review/%E0%A4%A', admin)).status).toBe(404);
  });
});

describe('review API', () => {
  it('lists newest first, filters by rating, and returns one report in full', async () => {
    const a = envelope({ rating: 'helpful' });
    const b = envelope({ rating: 'not_helpful', contact: 'me@example.org' });
    expect((await postEnvelope(c, a, ingest)).status).toBe(201);
    await new Promise((r) => setTimeout(r, 5));
    expect((await postEnvelope(c, b, ingest)).status).toBe(201);

    const all = await (await get('/api/reports', admin)).json() as ReportPage;
    expect(all.reports.map((r) => r.id)).toEqual([b.report.id, a.report.id]);
    expect(all.reports[0]).toMatchObject({ rating: 'not_helpful', reasons: ['incomplete'], site: 'demo', turns: 4 });
    expect(all.reports[0]!.omissions).toContainEqual({ kind: 'integration', source: 'google_drive', count: 1 });
    expect(all.next_before).toBeNull();

    const helpful = await (await get('/api/reports?rating=helpful', admin)).json() as ReportPage;
    expect(helpful.reports.map((r) => r.id)).toEqual([a.report.id]);
    expect((await get('/api/reports?rating=meh', admin)).status).toBe(400);

    const detailRes = await get(`/api/reports/${b.report.id}`, admin);
    const text = await detailRes.text();
    expect(text).not.toContain('me@example.org');
    const detail = JSON.parse(text) as ReportDetail;
    expect(detail.report).toEqual(b.report);
    expect((await get(`/api/reports/${crypto.randomUUID()}`, admin)).status).toBe(404);
  });
});

describe('review API paging', () => {
  it('pages through reports received in the same millisecond without skipping any', async () => {
    await c.close();
    const fixed = new Date('2026-11-28T12:00:00Z');
    c = await startTestCollector({ dbPath: c.dbPath, ingestToken: 'ingest-secret', now: () => fixed });
    const ids = new Set<string>();
    for (let i = 0; i < 52; i++) {
      const env = envelope();
      ids.add(env.report.id);
      await postEnvelope(c, env, ingest);
    }
    const first = await (await get('/api/reports', admin)).json() as ReportPage;
    expect(first.reports).toHaveLength(50);
    expect(first.next_before).not.toBeNull();
    const second = await (await get(`/api/reports?before=${first.next_before}`, admin)).json() as ReportPage;
    expect(second.reports).toHaveLength(2);
    expect(second.next_before).toBeNull();
    expect(new Set([...first.reports, ...second.reports].map((r) => r.id))).toEqual(ids);
    expect((await get('/api/reports?before=yesterday', admin)).status).toBe(400);
  });
});

describe('exports', () => {
  it('streams JSONL (never the contact) and TRL KTO rows', async () => {
    const a = envelope({ rating: 'helpful', contact: 'me@example.org' });
    const b = envelope({ rating: 'not_helpful' });
    await postEnvelope(c, a, ingest);
    await new Promise((r) => setTimeout(r, 5));
    await postEnvelope(c, b, ingest);

    const jsonl = await get('/v1/export?format=jsonl', admin);
    expect(jsonl.headers.get('content-type')).toMatch(/ndjson/);
    expect(jsonl.headers.get('content-disposition')).toMatch(/attachment; filename="feedback-jsonl-/);
    const text = await jsonl.text();
    expect(text).not.toContain('me@example.org');
    const rows = text.trimEnd().split('\n').map((l) => JSON.parse(l) as { id: string; report: unknown });
    expect(rows.map((r) => r.id)).toEqual([a.report.id, b.report.id]);
    expect(rows[0]!.report).toEqual(a.report);

    const kto = (await (await get('/v1/export?format=kto', admin)).text())
      .trimEnd().split('\n').map((l) => JSON.parse(l) as KtoRow);
    expect(kto.map((r) => r.label)).toEqual([true, false]);
    expect(Object.keys(kto[0]!).sort()).toEqual(['completion', 'label', 'prompt']);
    expect(kto[0]!.prompt.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(kto[0]!.completion).toEqual([{ role: 'assistant', content: `Render ${CANARY} as text.` }]);

    expect((await get('/v1/export?format=csv', admin)).status).toBe(400);
  });

  it('stops within its grace period even while a client holds an export open', async () => {
    // 8 MB of export: more than socket buffers hold, so the response stays unfinished.
    for (let i = 0; i < 40; i++) {
      const env = envelope();
      env.report.conversation.turns[2]!.blocks[0] = { kind: 'pasted', name: 'big.txt', text: 'x'.repeat(200_000) };
      expect((await postEnvelope(c, env, ingest)).status).toBe(201);
    }
    const res = await get('/v1/export?format=jsonl', admin);
    const reader = res.body!.getReader();
    await reader.read();
    const started = Date.now();
    await c.close();
    expect(Date.now() - started).toBeLessThan(5_000);
    await reader.cancel().catch(() => undefined);
  });

  it('does not block ingest while an export is being read', async () => {
    for (let i = 0; i < 3; i++) await postEnvelope(c, envelope(), ingest);
    const res = await get('/v1/export?format=jsonl', admin);
    const reader = res.body!.getReader();
    await reader.read();
    expect((await postEnvelope(c, envelope(), ingest)).status).toBe(201);
    await reader.cancel();
  });
});
