// The report built from what the claude.ai adapter captured: pasted text in, integration
// content and identity out, proven with canary strings planted in the page and the API data.
import { describe, expect, it } from 'vitest';
import { buildEnvelope, buildReport, summariseOmissions, type ReportInput } from '../../../src/core/build-report';
import { ReportV2 } from '../../../src/shared/schema';
import { claudeAi } from '../../../src/sites/claude-ai';
import type { Captured, FetchJson } from '../../../src/sites/types';
import { CONVERSATION_ID, ORG_ID, fixture, fixtureJson, loadPage } from '../sites/load-page';

const REPORT_ID = '0b7e3f9c-2a41-4d8e-9c6b-5f1a2e3d4c5b';
/** Integration content planted in the API data and the page (titles, URIs, names, results). */
const INTEGRATION_CANARIES = [
  'CANARY-DRIVE-URI-0b1e', 'CANARY-DRIVE-DOCNAME-6a6a', 'CANARY-DRIVE-QUERY-8e8e', 'CANARY-DRIVE-MESSAGE-2c2c',
  'CANARY-DRIVE-TITLE-5a2b', 'CANARY-DRIVE-URL-1a1a', 'CANARY-DRIVE-CONTENT-9f9f', 'CANARY-DRIVE-CHIP-NAME-6b6b',
  'CANARY-DRIVE-CHIP-LABEL-2f2f', 'CANARY-GH-OWNER-44d2', 'CANARY-GH-REPO-9c7f', 'CANARY-GH-PATH-1f1f',
  'CANARY-MCP-INPUT-7b7b', 'CANARY-MCP-RESULT-2e2e', 'CANARY-MCP-SERVER-0d0d', 'CANARY-MCP-CHIP-5f5f',
  'CANARY-MCP-TOOLNAME-5e5e', 'CANARY-OTHER-CHATS-QUERY-4c4c', 'CANARY-OTHER-CHATS-RESULT-6d6d',
  'CANARY-OTHER-CHATS-CHIP-4d4d', 'CANARY-CITATION-URL-8a8a', 'CANARY-CITATION-TITLE-8b8b',
];
/** Identity and things from outside the conversation. */
const IDENTITY_CANARIES = [
  ORG_ID, CONVERSATION_ID, 'aaaa0001-0000-4000-8000-000000000001', 'aaaa0006-0000-4000-8000-000000000006',
  'dddd0001', 'cccc0001', 'bbbb0001', '3f2e1d0c-ba98-4765-8432-10fedcba9876', 'Sample User',
  'sample.user@example.com', 'CANARY-TITLE-4b1d', 'CANARY-SUMMARY-77e0', 'CANARY-SIDEBAR-OTHER-CHAT-1c1c',
  'CANARY-DRAFT-NOT-SENT-7a7a', 'CANARY-HIDDEN-THINKING-3d3d', 'OLD-BRANCH',
];

async function capture(fetchJson: FetchJson, answerIndex = 1): Promise<Captured> {
  const doc = loadPage(fixture('page-2025.html'));
  const answer = doc.querySelectorAll(claudeAi.answerSelector)[answerIndex] as Element;
  const result = await claudeAi.capture(doc, answer, fetchJson);
  if (!result.ok) throw new Error(result.detail);
  return result.captured;
}

function input(captured: Captured, overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    id: REPORT_ID,
    now: new Date('2026-11-28T12:00:00Z'),
    site: 'claude.ai',
    rating: 'not_helpful',
    reasons: ['incomplete', 'incomplete', 'not_factual'],
    comment: '  The retry policy answer was thin.  ',
    captured,
    consent: { notice_version: '2026-11-28.1', notice_hash: 'a'.repeat(64), locale: 'en', trusted_tester: false },
    client: { extension_version: '0.1.0', browser: 'chrome' },
    ...overrides,
  };
}

describe.each([
  ['read from the API', () => Promise.resolve(fixtureJson('api-integrations.json'))],
  ['read from the page', () => Promise.reject(new Error('offline'))],
] as const)('a report %s', (_, fetchJson) => {
  it('is valid against the schema and points at the rated answer', async () => {
    const report = ReportV2.parse(buildReport(input(await capture(fetchJson))));
    expect(report.conversation.turns[report.rated_turn ?? -1]?.role).toBe('assistant');
    expect(report.rated_turn).toBe(3);
  });

  it('holds no integration content: no title, URI, file name, query or result', async () => {
    const body = JSON.stringify(buildEnvelope(buildReport(input(await capture(fetchJson)))));
    for (const canary of INTEGRATION_CANARIES) expect(body).not.toContain(canary);
    expect(body).toContain('"kind":"integration","source":"google_drive"');
  });

  it('holds no identity: no org, conversation or message ids, account name, e-mail, title, sidebar', async () => {
    const body = JSON.stringify(buildEnvelope(buildReport(input(await capture(fetchJson)))));
    for (const canary of IDENTITY_CANARIES) expect(body).not.toContain(canary);
    // The only id in the body is the report's own, fresh one.
    expect(body.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g)).toEqual([REPORT_ID]);
    // Left out by place, not by string: the user's own words naming "Sample" stay.
    expect(body).toContain('My name is Sample.');
  });

  it('keeps the conversation itself: the typed text, built-in tools and code', async () => {
    const body = JSON.stringify(buildReport(input(await capture(fetchJson))));
    expect(body).toContain('Make it shorter, in two bullets, and check the script runs.');
    expect(body).toContain("print('cache ok')");
  });
});

describe('what the API adds over the page', () => {
  it('keeps pasted text in full, built-in tool runs, and counts every kind left out', async () => {
    const report = buildReport(input(await capture(() => Promise.resolve(fixtureJson('api-integrations.json')))));
    const body = JSON.stringify(report);
    expect(body).toContain('PASTED-KEEP-e91c\\n2025-10-01 ERROR cache stale at line 42');
    expect(body).toContain('"name":"bash_tool"');
    expect(report.omissions).toEqual([
      { kind: 'integration', source: 'google_drive', count: 2 },
      { kind: 'integration', source: 'github', count: 1 },
      { kind: 'integration', source: 'connector', count: 1 },
      { kind: 'integration', source: 'other_chats', count: 1 },
      { kind: 'hidden_thinking', source: null, count: 1 },
      { kind: 'unreadable', source: null, count: 1 },
    ]);
    expect(report.conversation.settings.features).not.toHaveProperty('enabled_mcp_tools');
  });
});

describe('buildReport and buildEnvelope', () => {
  it('de-duplicates reasons for Not helpful, drops them for Helpful, trims the comment', async () => {
    const captured = await capture(() => Promise.reject(new Error('offline')));
    expect(buildReport(input(captured)).reasons).toEqual(['incomplete', 'not_factual']);
    expect(buildReport(input(captured, { rating: 'helpful' })).reasons).toEqual([]);
    expect(buildReport(input(captured)).comment).toBe('The retry policy answer was thin.');
  });

  it('puts a reporter contact beside the report, never inside it', async () => {
    const report = buildReport(input(await capture(() => Promise.reject(new Error('offline')))));
    const envelope = buildEnvelope(report, '  qa@example.org ');
    expect(envelope.reporter).toEqual({ contact: 'qa@example.org' });
    expect(JSON.stringify(envelope.report)).not.toContain('qa@example.org');
    expect(buildEnvelope(report, '   ')).toEqual({ report });
  });

  it('summarises omissions as kinds and counts only, merging the adapter\'s with the markers', () => {
    const captured: Captured = {
      conversation: {
        source: 'api', complete: true, matches_page: true,
        settings: { model: null, style: { name: null, instructions: null }, features: {} },
        turns: [
          { role: 'user', blocks: [{ kind: 'integration', source: 'github' }, { kind: 'text', text: 'q' }] },
          { role: 'assistant', blocks: [{ kind: 'integration', source: 'github' }, { kind: 'text', text: 'a' }] },
        ],
      },
      ratedTurn: 1,
      omissions: [{ kind: 'hidden_thinking', source: null, count: 2 }, { kind: 'hidden_thinking', source: null, count: 1 }],
    };
    expect(summariseOmissions(captured)).toEqual([
      { kind: 'integration', source: 'github', count: 2 },
      { kind: 'hidden_thinking', source: null, count: 3 },
    ]);
  });
});
