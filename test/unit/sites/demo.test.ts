// @vitest-environment happy-dom
// The demo adapter on the real demo page markup the collector serves.
import { describe, expect, it } from 'vitest';
import html from '../../../src/collector/demo/demo.html?raw';
import { demo } from '../../../src/sites/demo';
import { buildReport } from '../../../src/core/build-report';
import { ReportV2 } from '../../../src/shared/schema';

const page = () => new DOMParser().parseFromString(html, 'text/html');
const noFetch = () => Promise.reject(new Error('the demo adapter reads the page only'));

describe('demo adapter', () => {
  it('matches the demo path on loopback only', () => {
    for (const ok of ['http://127.0.0.1:8787/demo', 'http://localhost:3000/demo/', 'http://127.0.0.1/demo?x=1']) {
      expect(demo.matches(new URL(ok)), ok).toBe(true);
    }
    for (const no of ['http://127.0.0.1:8787/', 'http://127.0.0.1:8787/demo/demo.js', 'http://127.0.0.1/demonstration',
      'http://example.com/demo', 'https://claude.ai/demo', 'file:///demo']) {
      expect(demo.matches(new URL(no)), no).toBe(false);
    }
  });

  it('finds every answer, finished ones only, with a place for the controls', () => {
    const doc = page();
    const answers = Array.from(doc.querySelectorAll(demo.answerSelector));
    expect(answers).toHaveLength(3);
    expect(answers.every((a) => demo.isFinished(a))).toBe(true);
    expect(demo.controlsParent(answers[0]!).className).toBe('turn-footer');
    answers[0]!.setAttribute(demo.streamingAttribute!, 'streaming');
    expect(demo.isFinished(answers[0]!)).toBe(false);
  });

  it('captures the whole conversation with settings, code, pasted text and an integration marker', async () => {
    const doc = page();
    const answers = Array.from(doc.querySelectorAll(demo.answerSelector));
    const result = await demo.capture(doc, answers[1]!, noFetch);
    if (!result.ok) throw new Error(result.detail);
    const { conversation, ratedTurn } = result.captured;
    expect(ratedTurn).toBe(3);
    expect(conversation).toMatchObject({ source: 'page', complete: true, matches_page: null });
    expect(conversation.settings).toEqual({
      model: 'Demo Model 4',
      style: { name: 'Lab notes', instructions: 'Answer in short numbered steps. Show code before prose. Name every assumption you make.' },
      features: { extended_thinking: true, web_search: false },
    });
    expect(conversation.turns.map((t) => t.role)).toEqual(['user', 'assistant', 'user', 'assistant', 'user', 'assistant']);

    const [, first, pastedTurn, second] = conversation.turns;
    expect(first!.blocks.map((b) => b.kind)).toEqual(['thinking', 'text', 'code', 'text']);
    expect(first!.blocks[2]).toMatchObject({ kind: 'code', language: 'ts' });
    expect((first!.blocks[2] as { code: string }).code).toContain('export function debounce<A extends unknown[]>');
    expect(pastedTurn!.blocks.map((b) => b.kind)).toEqual(['pasted', 'integration', 'text']);
    expect(pastedTurn!.blocks[0]).toMatchObject({ kind: 'pasted', name: 'console-output.txt' });
    expect((pastedTurn!.blocks[0] as { text: string }).text).toMatch(/^TypeError: debounced is not a function\n {4}at SearchBox/);
    expect(pastedTurn!.blocks[1]).toEqual({ kind: 'integration', source: 'google_drive' });
    expect(second!.blocks.map((b) => b.kind)).toEqual(['text', 'code', 'text']);
    expect((second!.blocks[0] as { text: string }).text).toContain('\n1. Check that you import the named export');

    const json = JSON.stringify(conversation);
    expect(json).not.toContain('Search requirements v3');
    expect(JSON.stringify(conversation.turns[4])).toContain('<img src=x onerror=alert(1)>');
  });

  it('builds a report the shared schema accepts', async () => {
    const doc = page();
    const answers = Array.from(doc.querySelectorAll(demo.answerSelector));
    const result = await demo.capture(doc, answers[2]!, noFetch);
    if (!result.ok) throw new Error(result.detail);
    const report = buildReport({
      id: crypto.randomUUID(), now: new Date(), site: 'demo', rating: 'helpful', reasons: [], comment: '',
      captured: result.captured,
      consent: { notice_version: 'v', notice_hash: 'c'.repeat(64), locale: 'de', trusted_tester: true },
      client: { extension_version: '0.1.0', browser: 'firefox' },
    });
    expect(ReportV2.safeParse(report).success).toBe(true);
    expect(report.rated_turn).toBe(5);
    expect(report.omissions).toEqual([{ kind: 'integration', source: 'google_drive', count: 1 }]);
  });

  it('reads an answer that streamed in later, and refuses an element that is not a turn', async () => {
    const doc = page();
    const log = doc.getElementById('chat-log')!;
    const late = doc.createElement('article');
    late.className = 'turn';
    late.setAttribute('data-role', 'assistant');
    late.setAttribute('data-state', 'done');
    late.innerHTML = '<div class="turn-content"><p>Late answer.</p></div><div class="turn-footer"></div>';
    log.append(late);
    const result = await demo.capture(doc, late, noFetch);
    expect(result.ok && result.captured.ratedTurn).toBe(6);

    const stray = await demo.capture(doc, doc.body, noFetch);
    expect(stray).toMatchObject({ ok: false, error: 'unreadable' });
  });
});
