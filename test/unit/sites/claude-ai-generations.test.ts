// The page reader across claude.ai's markup generations (trimmed fixtures written from public
// descriptions), with the API unavailable so that the page is what is read.
import { describe, expect, it } from 'vitest';
import { claudeAi, selectors } from '../../../src/sites/claude-ai';
import type { Captured } from '../../../src/sites/types';
import { fixture, loadPage } from './load-page';

const noApi = () => Promise.reject(new Error('no API in this test'));

async function capturePage(name: string, answerIndex: number): Promise<{ doc: Document; captured: Captured }> {
  const doc = loadPage(fixture(name));
  const answer = doc.querySelectorAll(claudeAi.answerSelector)[answerIndex];
  if (!answer) throw new Error(`no answer ${answerIndex} in ${name}`);
  const result = await claudeAi.capture(doc, answer, noApi);
  if (!result.ok) throw new Error(result.detail);
  return { doc, captured: result.captured };
}

describe('2024 markup (.font-user-message / .font-claude-message)', () => {
  it('finds both answers once each, with or without the streaming wrapper', () => {
    const doc = loadPage(fixture('page-2024.html'));
    const answers = Array.from(doc.querySelectorAll(claudeAi.answerSelector));
    expect(answers.map((a) => a.hasAttribute('data-is-streaming'))).toEqual([true, false]);
    expect(answers.every((a) => claudeAi.isFinished(a))).toBe(true);
  });

  it('reads turns, a pre-wrapped user message, lists and a code block without its label or Copy button', async () => {
    const { captured } = await capturePage('page-2024.html', 0);
    expect(captured.conversation.turns).toEqual([
      { role: 'user', blocks: [{ kind: 'text', text: 'Write a haiku about unit tests,\nthen a Python check for it.' }] },
      { role: 'assistant', blocks: [
        { kind: 'text', text: 'Green checks in a row, red ones teach what we forgot, the suite hums, all pass.' },
        { kind: 'code', language: 'python', code: 'def test_haiku():\n    assert haiku.count("\\n") == 2' },
        { kind: 'text', text: '1. Save it as test_haiku.py\n2. Run pytest' },
      ] },
      { role: 'user', blocks: [{ kind: 'text', text: 'Thanks!' }] },
      { role: 'assistant', blocks: [{ kind: 'text', text: 'You are welcome, happy testing.' }] },
    ]);
    expect(captured.ratedTurn).toBe(1);
    expect(captured.omissions).toEqual([]);
    expect(JSON.stringify(captured)).not.toMatch(/CANARY|Sample User/);
  });
});

describe('2025 markup ([data-test-render-count], data-is-streaming)', () => {
  it('reads thinking as its shown summary only, code, prose; leaves chips and artifact cards out', async () => {
    const { captured } = await capturePage('page-2025.html', 0);
    const [user, answer, , last] = captured.conversation.turns;
    expect(answer?.blocks).toEqual([
      { kind: 'thinking', text: 'Checking the repository layout' },
      { kind: 'text', text: 'The doc and the repo agree on the cache layer.' },
      { kind: 'code', language: 'python', code: "print('cache ok')" },
      { kind: 'text', text: 'One gap: the retry policy.' },
    ]);
    expect(last?.blocks).toEqual([{ kind: 'text',
      text: '- Agree: the cache layer matches the doc.\n- Gap: the retry policy is missing; the script prints cache ok.' }]);
    // Chips beside the bubble: pasted text and an upload by name, the Drive chip as a marker.
    expect(user?.blocks).toEqual([
      { kind: 'file', name: 'paste.txt', type: null },
      { kind: 'file', name: 'whiteboard-upload.png', type: null },
      { kind: 'integration', source: 'google_drive' },
      { kind: 'text', text: 'Summarise my design doc and compare it with the repo. My name is Sample.' },
    ]);
    expect(captured.omissions).toEqual([
      { kind: 'hidden_thinking', source: null, count: 1 },
      { kind: 'unreadable', source: null, count: 6 },
    ]);
  });

  it('reads nothing integration-shaped or outside the turns (expanded chip, sidebar, title, account, draft)', async () => {
    const { captured } = await capturePage('page-2025.html', 1);
    const json = JSON.stringify(captured);
    expect(json).not.toMatch(/CANARY/);
    expect(json).not.toContain('Sample User');
    expect(json).toContain('My name is Sample.');
    expect(captured.conversation.settings.model).toBe('Sonnet 4.5');
  });

  it('knows a streaming answer, and places controls inside the answer container after its body', () => {
    const doc = loadPage(fixture('page-2025.html'));
    const answers = Array.from(doc.querySelectorAll(claudeAi.answerSelector));
    expect(answers).toHaveLength(2);
    const answer = answers[0] as Element;
    expect(claudeAi.isFinished(answer)).toBe(true);
    answer.setAttribute(claudeAi.streamingAttribute as string, 'true');
    expect(claudeAi.isFinished(answer)).toBe(false);
    // Content inside an answer is judged by its container.
    expect(claudeAi.isFinished(answer.querySelector('p') as Element)).toBe(false);
    const parent = claudeAi.controlsParent(answer);
    expect(parent).toBe(answer);
    expect(parent.querySelector(selectors.answerBody)).not.toBeNull();
    expect(parent.matches(`${selectors.actionBar}, ${selectors.actionBar} *`)).toBe(false);
  });
});

describe('2026 markup ([data-testid="transcript-row"])', () => {
  it('reads rows in order: paragraphs, headings, lists, tables; a Drive chip as a marker', async () => {
    const { captured } = await capturePage('page-2026-rows.html', 0);
    expect(captured.conversation.turns).toEqual([
      { role: 'user', blocks: [
        { kind: 'integration', source: 'google_drive' },
        { kind: 'file', name: 'notes.md, 14 lines', type: null },
        { kind: 'text', text: 'Turn these notes into a checklist.\n\nKeep it short.' },
      ] },
      { role: 'assistant', blocks: [{ kind: 'text', text: 'Checklist\n- Book the room\n- Send the agenda\nOwner Due\nAna Friday' }] },
      { role: 'user', blocks: [{ kind: 'text', text: 'And a reminder text?' }] },
      { role: 'assistant', blocks: [{ kind: 'text', text: 'Reminder: the meeting' }] },
    ]);
    expect(captured.ratedTurn).toBe(1);
    expect(JSON.stringify(captured)).not.toMatch(/CANARY|Sample User/);
  });

  it('finds an answer without the streaming wrapper, and a streaming one as not finished', () => {
    const doc = loadPage(fixture('page-2026-rows.html'));
    const answers = Array.from(doc.querySelectorAll(claudeAi.answerSelector));
    expect(answers.map((a) => claudeAi.isFinished(a))).toEqual([true, false]);
  });
});

describe('an unrecognised page', () => {
  it('is unreadable rather than an empty conversation, even when the API answers', async () => {
    const doc = loadPage(fixture('page-unrecognised.html'));
    const clicked = doc.querySelector('[data-role="assistant"]') as Element;
    const result = await claudeAi.capture(doc, clicked, () => Promise.resolve({ chat_messages: [] }));
    expect(result).toEqual({ ok: false, error: 'unreadable', detail: expect.stringMatching(/no conversation turns/) });
  });

  it('is unreadable from the page alone when an answer container holds nothing it can read', async () => {
    // A redesign that keeps the streaming marker but nothing else the adapter knows.
    const husk = loadPage('<main><div data-is-streaming="false"><canvas></canvas></div></main>');
    const answer = husk.querySelector(claudeAi.answerSelector) as Element;
    expect(await claudeAi.capture(husk, answer, noApi)).toMatchObject({ ok: false, error: 'unreadable', detail: expect.stringMatching(/no user message/) });
    const noContent = loadPage('<main><div data-testid="user-message"><p>Hi</p></div><div data-is-streaming="false"><canvas></canvas></div></main>');
    const empty = noContent.querySelector(claudeAi.answerSelector) as Element;
    expect(await claudeAi.capture(noContent, empty, noApi)).toMatchObject({ ok: false, error: 'unreadable', detail: expect.stringMatching(/no readable content/) });
  });

  it('is unreadable when the rated element is not one of the answers', async () => {
    const doc = loadPage(fixture('page-2025.html'));
    const notAnAnswer = doc.querySelector(selectors.userMessage) as Element;
    const result = await claudeAi.capture(doc, notAnAnswer, noApi);
    expect(result).toMatchObject({ ok: false, error: 'unreadable', detail: expect.stringMatching(/rated answer/) });
  });
});

describe('matches and conversationKey', () => {
  it.each([
    ['https://claude.ai/chat/9e8d7c6b-5a49-4838-a271-605f4e3d2c1b', true],
    ['https://claude.ai/new', true],
    ['https://claude.ai/project/3f2e1d0c-ba98-4765-8432-10fedcba9876', true],
    ['http://claude.ai/chat/x', false],
    ['https://claude.ai.example.com/chat/x', false],
    ['https://example.com/claude.ai/chat/x', false],
  ])('%s -> %s', (url, expected) => {
    expect(claudeAi.matches(new URL(url))).toBe(expected);
  });

  it('keys a conversation by its path', () => {
    const a = claudeAi.conversationKey(new URL('https://claude.ai/chat/aaa?x=1#y'));
    expect(a).toBe('/chat/aaa');
    expect(claudeAi.conversationKey(new URL('https://claude.ai/chat/bbb'))).not.toBe(a);
  });
});
