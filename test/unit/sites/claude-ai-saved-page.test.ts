// The adapter against a real saved claude.ai page (2026-03, 23 + 23 turns): every selector's
// count checked against the fixture README, and the page fallback read in full and in order.
import { beforeAll, describe, expect, it } from 'vitest';
import { claudeAi, selectors } from '../../../src/sites/claude-ai';
import type { Captured } from '../../../src/sites/types';
import { CONVERSATION_ID, fixture, loadPage } from './load-page';

type Key = keyof typeof selectors;
/** count: README figure, or observed on the page where the README gives none (marked). */
const COUNTS: Record<Key, { count: number; within?: Key; readme: boolean }> = {
  row: { count: 46, readme: true },
  userMessage: { count: 23, readme: true },
  answer: { count: 23, readme: true },
  answerBody: { count: 23, readme: true },
  fileThumbnail: { count: 1, readme: true },
  artifactCard: { count: 11, readme: true },
  toolChip: { count: 20, readme: true },
  actionBar: { count: 46, readme: true },
  modelSelector: { count: 1, readme: true },
  // Scoped selectors, counted where the adapter uses them.
  status: { count: 20, within: 'answerBody', readme: false }, // one sr-only line per tool chip
  markdown: { count: 40, within: 'answerBody', readme: false },
  codeBlock: { count: 26, within: 'answerBody', readme: false }, // 13 blocks: wrapper + pre each
  thinkingToggle: { count: 20, within: 'answerBody', readme: false }, // the chips; none holds a status
  userParagraph: { count: 122, within: 'userMessage', readme: false },
  fileName: { count: 0, within: 'fileThumbnail', readme: false },
  fileLabel: { count: 1, within: 'fileThumbnail', readme: false },
  integrationLink: { count: 0, within: 'fileThumbnail', readme: false },
};

let doc: Document;
beforeAll(() => {
  doc = loadPage(fixture('real/page-2026-03-saved.html'));
});

const count = (selector: string, within?: string) => (within
  ? Array.from(doc.querySelectorAll(within)).reduce((n, el) => n + el.querySelectorAll(selector).length, 0)
  : doc.querySelectorAll(selector).length);

describe('selectors on the saved 2026-03 page', () => {
  it('every selector is counted here', () => {
    expect(Object.keys(COUNTS).sort()).toEqual(Object.keys(selectors).sort());
  });

  it.each(Object.entries(COUNTS))('%s', (key, expected) => {
    const within = expected.within ? selectors[expected.within] : undefined;
    expect(count(selectors[key as Key], within)).toBe(expected.count);
  });

  it('matches the README\'s own selectors for answers and action bars', () => {
    expect(count('[data-is-streaming="false"] > .font-claude-response')).toBe(count(selectors.answer));
    expect(count(selectors.actionBar, '[role="group"][aria-label="Message actions"]')).toBe(46);
  });

  it('puts the pasted-text chip beside the user bubble, not inside it', () => {
    expect(count(selectors.fileThumbnail, selectors.userMessage)).toBe(0);
    expect(count(selectors.fileThumbnail, selectors.row)).toBe(1);
  });
});

describe('capture without the API (page fallback)', () => {
  let captured: Captured;
  let answers: Element[];
  beforeAll(async () => {
    answers = Array.from(doc.querySelectorAll(claudeAi.answerSelector));
    const result = await claudeAi.capture(doc, answers[3] as Element, () => Promise.reject(new Error('offline')));
    if (!result.ok) throw new Error(result.detail);
    captured = result.captured;
  });

  it('reads all 46 turns in order, user and assistant alternating', () => {
    const { turns } = captured.conversation;
    expect(turns).toHaveLength(46);
    expect(turns.map((t) => t.role)).toEqual(Array.from({ length: 46 }, (_, i) => (i % 2 ? 'assistant' : 'user')));
    expect(turns.every((t) => t.blocks.length > 0)).toBe(true);
    const firstText = (i: number) => {
      const block = turns[i]?.blocks.find((b) => b.kind === 'text');
      return block?.kind === 'text' ? block.text : '';
    };
    expect(firstText(0)).toMatch(/^import requests\nimport os\n/);
    expect(firstText(1)).toMatch(/^Now I'll create the MLB version based on the NBA template/);
    expect(firstText(2)).toBe('一步步教我要怎麼在GitHub上用？');
    expect(firstText(3)).toMatch(/^我來一步步教你如何在 GitHub 上設定並執行這個 MLB Bot！\n第一步：建立 GitHub 儲存庫\n1\. 前往 github\.com 並登入/);
  });

  it('records the source honestly and points at the rated answer', () => {
    expect(captured.conversation).toMatchObject({ source: 'page', complete: false, matches_page: null });
    expect(captured.ratedTurn).toBe(7);
    expect(captured.conversation.settings).toEqual({
      model: 'Sonnet 4.6', style: { name: null, instructions: null }, features: {},
    });
  });

  it('reads code blocks with their language', () => {
    expect(captured.conversation.turns[5]?.blocks.slice(0, 4)).toEqual([
      { kind: 'text', text: '把 cron 時間改一下就好：\n台灣時間早上 6:00 = UTC 時間 22:00（前一天）' },
      { kind: 'code', language: 'yaml', code: "    - cron: '0 22 * * *'   # UTC 22:00 = 台灣時間隔天 06:00" },
      { kind: 'text', text: '把 .github/workflows/mlb_bot.yml 裡的這行換掉就完成了：' },
      expect.objectContaining({ kind: 'code', language: 'yaml' }),
    ]);
    const codes = captured.conversation.turns.flatMap((t) => t.blocks.filter((b) => b.kind === 'code'));
    expect(codes).toHaveLength(13);
    expect(codes.filter((b) => b.language === null)).toHaveLength(6);
  });

  it('records the pasted-text chip by its label, as a file (the page does not show its text)', () => {
    expect(captured.conversation.turns[8]?.blocks[0]).toEqual({ kind: 'file', name: 'Pasted Text, pasted, 647 lines', type: null });
  });

  it('leaves tool-status chips and artifact cards out of the answer text, and counts them', () => {
    const text = JSON.stringify(captured.conversation.turns);
    for (const chip of ['Reading frontend design skill', 'Created a file, read a file', 'Searched the web',
      'Ran 3 commands', 'Find exact lines with non-ASCII bytes', 'Open artifact']) {
      expect(text).not.toContain(chip);
    }
    // Artifact cards read "Mlb bot v101" / "PY": neither is a line of any answer.
    const lines = captured.conversation.turns.flatMap((t) => t.blocks)
      .flatMap((b) => (b.kind === 'text' ? b.text.split('\n') : []));
    for (const card of ['Mlb bot', 'Mlb bot v101', 'Mlb bot v102', 'PY', 'YML']) expect(lines).not.toContain(card);
    expect(captured.omissions).toEqual([{ kind: 'unreadable', source: null, count: 31 }]);
  });

  it('reads nothing outside the turns: not the account menu, not the title', () => {
    const text = JSON.stringify(captured);
    expect(text).not.toContain('Sample User');
    expect(text).not.toContain('MLB betting bot from NBA template');
    expect(text).not.toContain(CONVERSATION_ID);
  });

  it('rates any answer by its position among the turns', async () => {
    const last = await claudeAi.capture(doc, answers[22] as Element, () => Promise.resolve(null));
    expect(last.ok && last.captured.ratedTurn).toBe(45);
    // Clicking inside an answer finds its container.
    const inner = answers[0]?.querySelector('p') as Element;
    const first = await claudeAi.capture(doc, inner, () => Promise.resolve(null));
    expect(first.ok && first.captured.ratedTurn).toBe(1);
  });

  it('offers controls inside each answer container, after its body and outside the action bar', () => {
    for (const answer of answers) {
      const parent = claudeAi.controlsParent(answer);
      expect(parent.contains(answer.querySelector(selectors.answerBody))).toBe(true);
      expect(parent.closest('[role="group"]')).toBeNull();
      expect(claudeAi.isFinished(answer)).toBe(true);
    }
  });
});
