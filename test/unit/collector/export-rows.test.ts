// Export rows, pure: JSONL carries the stored report; KTO rows follow TRL's conversational format.
import { describe, expect, it } from 'vitest';
import { blockText, jsonlRow, ktoRow } from '../../../src/collector/export-rows';
import type { AnyReport, Block } from '../../../src/shared/schema';
import { envelope } from './fixtures';

describe('blockText', () => {
  it('writes every block kind as chat text, leaving thinking out', () => {
    const cases: [Block, string | null][] = [
      [{ kind: 'text', text: 'hi' }, 'hi'],
      [{ kind: 'code', language: 'py', code: 'x = 1' }, '```py\nx = 1\n```'],
      [{ kind: 'code', language: null, code: 'x' }, '```\nx\n```'],
      [{ kind: 'thinking', text: 'hmm' }, null],
      [{ kind: 'pasted', name: 'a.txt', text: 'body' }, '[Pasted: a.txt]\nbody'],
      [{ kind: 'pasted', name: null, text: 'body' }, '[Pasted]\nbody'],
      [{ kind: 'file', name: 'a.pdf', type: 'application/pdf' }, '[File: a.pdf]'],
      [{ kind: 'tool', name: 'web_search', input: 'q', output: null }, '[Tool: web_search]\nq'],
      [{ kind: 'integration', source: 'github' }, '[Integration content left out: github]'],
    ];
    for (const [block, text] of cases) expect(blockText(block)).toBe(text);
  });
});

describe('ktoRow', () => {
  it('prompts with the style and the turns before the rated answer; later turns are not part of it', () => {
    const { report } = envelope({ rating: 'helpful' });
    const turns = [...report.conversation.turns, { role: 'user' as const, blocks: [{ kind: 'text' as const, text: 'later' }] }];
    const row = ktoRow({ ...report, conversation: { ...report.conversation, turns } })!;
    expect(row.label).toBe(true);
    expect(row.prompt).toEqual([
      { role: 'system', content: 'Answer in steps.' },
      { role: 'user', content: 'Write a debounce helper.' },
      { role: 'assistant', content: '```ts\nexport const x = 1;\n```' },
      { role: 'user', content: '[Pasted: log.txt]\nTypeError <img src=x onerror=alert(1)>\n\n[Integration content left out: google_drive]\n\nWhat is wrong?' },
    ]);
    expect(row.completion).toEqual([{ role: 'assistant', content: 'Render <img src=x onerror=alert(1)> as text.' }]);
    expect(JSON.stringify(row)).not.toContain('later');
  });

  it('has no system message without style instructions, and label false for Not helpful', () => {
    const { report } = envelope({ rating: 'not_helpful' });
    const plain: AnyReport = {
      ...report,
      conversation: { ...report.conversation, settings: { ...report.conversation.settings, style: { name: null, instructions: null } } },
    };
    const row = ktoRow(plain)!;
    expect(row.label).toBe(false);
    expect(row.prompt[0]!.role).toBe('user');
  });
});

it('jsonlRow is one line holding id, received time and the report', () => {
  const { report } = envelope();
  const line = jsonlRow({ id: report.id, receivedAt: new Date('2026-11-28T12:00:00Z'), report: { ...report, comment: 'two\nlines' } });
  expect(line).not.toContain('\n');
  expect(JSON.parse(line)).toEqual({ id: report.id, received_at: '2026-11-28T12:00:00.000Z', report: { ...report, comment: 'two\nlines' } });
});
