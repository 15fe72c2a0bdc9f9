// Bundled (IIFE) into the 1,000-turn lookalike page by the bench: the real claude.ai adapter and
// report builder, timed in the browser on the real DOM. Not part of the extension.
import { apiPath, claudeAi } from '../../src/sites/claude-ai';
import { buildEnvelope, buildReport } from '../../src/core/build-report';
import { Envelope } from '../../src/shared/schema';

export interface ReportTiming {
  /** Same-origin fetch of the conversation API and JSON.parse (loopback HTTPS). */
  fetchParseMs: number;
  /** Adapter capture: API reader, page read of every rendered turn, alignment (API JSON given). */
  captureMs: number;
  /** buildReport + buildEnvelope. */
  buildMs: number;
  /** JSON.stringify of the envelope: the body as posted. */
  stringifyMs: number;
  /** zod validation of the envelope (the collector's and the background's check). */
  validateMs: number;
  turns: number;
  apiBytes: number;
  bodyBytes: number;
}

async function timeReport(): Promise<ReportTiming> {
  const answers = document.querySelectorAll(claudeAi.answerSelector);
  const answer = answers[answers.length - 1];
  const path = apiPath(document);
  if (!answer || !path) throw new Error('no answer or no API path on this page');
  const t0 = performance.now();
  const raw = await (await fetch(path, { credentials: 'include' })).text();
  const json: unknown = JSON.parse(raw);
  const t1 = performance.now();
  const captured = await claudeAi.capture(document, answer, () => Promise.resolve(json));
  const t2 = performance.now();
  if (!captured.ok) throw new Error(`capture failed: ${captured.detail}`);
  const envelope = buildEnvelope(buildReport({
    id: crypto.randomUUID(), now: new Date(), site: 'claude.ai', rating: 'not_helpful', reasons: ['incomplete'],
    comment: 'bench', captured: captured.captured,
    consent: { notice_version: 'bench', notice_hash: '0'.repeat(64), locale: 'en', trusted_tester: false },
    client: { extension_version: '0.0.0', browser: 'chrome' },
  }));
  const t3 = performance.now();
  const body = JSON.stringify(envelope);
  const t4 = performance.now();
  const valid = Envelope.safeParse(envelope);
  const t5 = performance.now();
  if (!valid.success) throw new Error(`the built envelope is not valid: ${valid.error.message.slice(0, 300)}`);
  return {
    fetchParseMs: t1 - t0, captureMs: t2 - t1, buildMs: t3 - t2, stringifyMs: t4 - t3, validateMs: t5 - t4,
    turns: captured.captured.conversation.turns.length, apiBytes: raw.length, bodyBytes: body.length,
  };
}

(window as unknown as { __benchReport: typeof timeReport }).__benchReport = timeReport;
