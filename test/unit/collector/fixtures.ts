// A real collector on a free port with a real SQLite file in a temp folder, and valid
// envelopes built through the extension's own report builder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { buildEnvelope, buildReport } from '../../../src/core/build-report';
import type { Envelope } from '../../../src/shared/schema';
import type { Captured } from '../../../src/sites/types';
import { startCollector, type CollectorOptions, type RunningCollector } from '../../../src/collector/server';

export const CANARY = '<img src=x onerror=alert(1)>';

export function captured(): Captured {
  return {
    ratedTurn: 3,
    omissions: [{ kind: 'hidden_thinking', source: null, count: 1 }],
    conversation: {
      source: 'page', complete: true, matches_page: null,
      settings: { model: 'Demo Model 4', style: { name: 'Lab notes', instructions: 'Answer in steps.' }, features: { web_search: false } },
      turns: [
        { role: 'user', blocks: [{ kind: 'text', text: 'Write a debounce helper.' }] },
        { role: 'assistant', blocks: [{ kind: 'code', language: 'ts', code: 'export const x = 1;' }] },
        { role: 'user', blocks: [
          { kind: 'pasted', name: 'log.txt', text: `TypeError ${CANARY}` },
          { kind: 'integration', source: 'google_drive' },
          { kind: 'text', text: 'What is wrong?' },
        ] },
        { role: 'assistant', blocks: [{ kind: 'thinking', text: 'hmm' }, { kind: 'text', text: `Render ${CANARY} as text.` }] },
      ],
    },
  };
}

export function envelope(opts: { rating?: 'helpful' | 'not_helpful'; contact?: string; comment?: string } = {}): Envelope {
  const report = buildReport({
    id: randomUUID(), now: new Date('2026-11-28T12:00:00Z'), site: 'demo',
    rating: opts.rating ?? 'not_helpful', reasons: ['incomplete'], comment: opts.comment ?? `see ${CANARY}`,
    captured: captured(),
    consent: { notice_version: '2026-11-28.1', notice_hash: 'b'.repeat(64), locale: 'en', trusted_tester: false },
    client: { extension_version: '0.1.0', browser: 'chrome' },
  });
  return buildEnvelope(report, opts.contact);
}

export interface TestCollector extends RunningCollector {
  dir: string;
  dbPath: string;
  logs: string[];
}

export async function startTestCollector(opts: Partial<CollectorOptions> = {}): Promise<TestCollector> {
  const dir = opts.dbPath ? join(opts.dbPath, '..') : mkdtempSync(join(tmpdir(), 'collector-test-'));
  const dbPath = opts.dbPath ?? join(dir, 'feedback.sqlite');
  const logs: string[] = [];
  const running = await startCollector({
    port: 0, adminToken: 'admin-secret', reviewDir: join(dir, 'review'), log: (l) => logs.push(l), ...opts, dbPath,
  });
  return { ...running, dir, dbPath, logs };
}

export async function stopTestCollector(c: TestCollector, keepFiles = false): Promise<void> {
  await c.close();
  if (!keepFiles) rmSync(c.dir, { recursive: true, force: true });
}

export function post(c: RunningCollector, body: string | Uint8Array<ArrayBuffer>, headers: Record<string, string> = {}) {
  return fetch(`${c.url}/v1/feedback`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body,
  });
}

export const postEnvelope = (c: RunningCollector, env: Envelope, headers: Record<string, string> = {}) =>
  post(c, JSON.stringify(env), { 'Idempotency-Key': env.report.id, ...headers });

export const admin = { Authorization: 'Bearer admin-secret' };
