// Small valid reports for tests that need one (built through the real builder).
import { randomUUID } from 'node:crypto';
import { buildEnvelope, buildReport } from '../../../src/core/build-report';
import type { Captured } from '../../../src/sites/types';
import type { Envelope, Report } from '../../../src/shared/schema';

export function sampleCaptured(): Captured {
  return {
    ratedTurn: 1,
    omissions: [],
    conversation: {
      source: 'api', complete: true, matches_page: true,
      settings: { model: 'claude-sonnet-4-6', style: { name: null, instructions: null }, features: { web_search: true } },
      turns: [
        { role: 'user', blocks: [{ kind: 'text', text: 'How do tides work?' }] },
        { role: 'assistant', blocks: [{ kind: 'text', text: 'The moon pulls the oceans.' }, { kind: 'integration', source: 'google_drive' }] },
      ],
    },
  };
}

export function sampleReport(overrides: Partial<Report> = {}): Report {
  return {
    ...buildReport({
      id: randomUUID(), now: new Date('2026-11-28T12:00:00Z'), site: 'claude.ai', rating: 'not_helpful',
      reasons: ['incomplete'], comment: 'too short', captured: sampleCaptured(),
      consent: { notice_version: 'v1', notice_hash: 'a'.repeat(64), locale: 'en', trusted_tester: false },
      client: { extension_version: '0.1.0', browser: 'chrome' },
    }),
    ...overrides,
  };
}

export const sampleEnvelope = (contact?: string): Envelope => buildEnvelope(sampleReport(), contact);
