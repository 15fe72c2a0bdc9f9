// Schema 2 adds a conversation shared without a rating (trusted testers); the collector keeps
// accepting every earlier version, lists both, and leaves shares out of the KTO export.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KtoRow } from '../../../src/collector/export-rows';
import type { ReportPage } from '../../../src/collector/summary';
import { buildEnvelope, buildReport } from '../../../src/core/build-report';
import { AnyReport, ReportV1, type Envelope, type Report } from '../../../src/shared/schema';
import { admin, captured, envelope, postEnvelope, startTestCollector, stopTestCollector, type TestCollector } from './fixtures';

let c: TestCollector;
beforeEach(async () => { c = await startTestCollector(); });
afterEach(async () => { await stopTestCollector(c); });

const get = (path: string) => fetch(`${c.url}${path}`, { headers: admin });

function shared(trustedTester: boolean): Envelope {
  return buildEnvelope(buildReport({
    id: crypto.randomUUID(), now: new Date('2026-11-29T12:00:00Z'), site: 'demo', rating: null, reasons: ['incomplete'],
    comment: '', captured: captured(),
    consent: { notice_version: '2026-11-29.1', notice_hash: 'c'.repeat(64), locale: 'de', trusted_tester: trustedTester },
    client: { extension_version: '0.1.0', browser: 'chrome' },
  }));
}

/** A report as version 1 of the extension sent it: no kind, a rating and a rated turn always. */
function versionOne(): Envelope {
  const { kind: _kind, ...rest } = envelope().report as Report;
  const v1 = ReportV1.parse({ ...rest, schema_version: 1 });
  return { report: v1 };
}

describe('schema versions', () => {
  it('builds a share without rating, reasons or rated turn', () => {
    const { report } = shared(true);
    expect(report).toMatchObject({ schema_version: 2, kind: 'share', rating: null, rated_turn: null, reasons: [] });
    expect(AnyReport.safeParse(report).success).toBe(true);
  });

  it('refuses a share that does not carry a trusted tester\'s consent, or that carries a rating', () => {
    expect(AnyReport.safeParse(shared(false).report).success).toBe(false);
    expect(AnyReport.safeParse({ ...shared(true).report, rating: 'helpful' }).success).toBe(false);
    expect(AnyReport.safeParse({ ...envelope().report, rating: null }).success).toBe(false);
  });

  it('still accepts version 1, stores a share, and lists both', async () => {
    expect((await postEnvelope(c, versionOne())).status).toBe(201);
    expect((await postEnvelope(c, shared(true))).status).toBe(201);
    expect((await postEnvelope(c, shared(false))).status).toBe(400);
    const page = await (await get('/api/reports')).json() as ReportPage;
    expect(page.reports.map((r) => r.rating).sort()).toEqual(['not_helpful', null]);
    expect(page.reports.find((r) => r.rating === null)?.trusted_tester).toBe(true);
    const helpfulOnly = await (await get('/api/reports?rating=not_helpful')).json() as ReportPage;
    expect(helpfulOnly.reports).toHaveLength(1);
  });

  it('exports every report as JSONL, and only rated ones as KTO rows', async () => {
    await postEnvelope(c, shared(true));
    await postEnvelope(c, envelope({ rating: 'helpful' }));
    const jsonl = (await (await get('/v1/export?format=jsonl')).text()).trimEnd().split('\n');
    expect(jsonl).toHaveLength(2);
    const kto = (await (await get('/v1/export?format=kto')).text()).trimEnd().split('\n').map((l) => JSON.parse(l) as KtoRow);
    expect(kto).toHaveLength(1);
    expect(kto[0]!.label).toBe(true);
  });
});
