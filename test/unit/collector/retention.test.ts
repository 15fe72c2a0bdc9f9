// Retention: parsing, calendar cut-offs, and the purge that runs at start (clock injected).
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { parseRetention, retentionCutoff } from '../../../src/collector/retention';
import { envelope, postEnvelope, startTestCollector, stopTestCollector, type TestCollector } from './fixtures';

describe('parseRetention / retentionCutoff', () => {
  it('reads the units operators write', () => {
    expect(parseRetention('10y')).toEqual({ text: '10y', amount: 10, unit: 'y' });
    expect(parseRetention(' 18MO ')).toEqual({ text: '18mo', amount: 18, unit: 'mo' });
    for (const bad of ['', '10', 'y', '0d', '-1d', '1.5y', '10 years']) expect(() => parseRetention(bad)).toThrow(/retention/);
  });

  it('cuts off on the same calendar date, across leap days', () => {
    const now = new Date('2036-03-01T00:00:00Z');
    expect(retentionCutoff(now, parseRetention('10y')).toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(retentionCutoff(now, parseRetention('2w')).toISOString()).toBe('2036-02-16T00:00:00.000Z');
    expect(retentionCutoff(now, parseRetention('36h')).toISOString()).toBe('2036-02-28T12:00:00.000Z');
  });
});

describe('purge', () => {
  let c: TestCollector | undefined;
  afterEach(async () => { if (c) await stopTestCollector(c); });

  it('removes reports and contacts past retention at start, and keeps younger ones', async () => {
    let clock = new Date('2026-01-01T00:00:00Z');
    const now = () => clock;
    c = await startTestCollector({ now, retention: '30d' });
    expect((await postEnvelope(c, envelope({ contact: 'old@example.org' }))).status).toBe(201);
    clock = new Date('2026-01-20T00:00:00Z');
    const young = envelope();
    expect((await postEnvelope(c, young)).status).toBe(201);
    await c.close();

    clock = new Date('2026-02-05T00:00:00Z');
    c = await startTestCollector({ now, retention: '30d', dbPath: c.dbPath });
    const db = new Database(c.dbPath, { readonly: true });
    expect(db.prepare('SELECT id FROM reports').all()).toEqual([{ id: young.report.id }]);
    expect(db.prepare('SELECT count(*) AS n FROM reporter_contacts').get()).toEqual({ n: 0 });
    db.close();
    expect(c.logs.some((l) => l.includes('purged 1 report'))).toBe(true);

    // The daily run uses the same purge: a later clock removes the rest.
    clock = new Date('2026-03-01T00:00:00Z');
    expect(await c.purge()).toBe(1);
  });
});
