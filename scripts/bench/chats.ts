// Generated claude.ai lookalike conversations (the e2e's page and API shapes, see
// test/e2e/support/claude-lookalike.ts): a long chat with many answers on the page, and a
// 1,000-turn, ~2 MB conversation for the report.
import { randomUUID } from 'node:crypto';
import type { LookalikeChat, LookalikeMessage } from '../../test/e2e/support/claude-lookalike';

const ROOT_PARENT = '00000000-0000-4000-8000-000000000000';
const WORDS = ('the tide table shows two highs a day because the moon pulls the ocean toward it while the earth '
  + 'turns underneath so a port sees the bulge pass twice and the timing shifts by about fifty minutes daily').split(' ');

/** Deterministic filler prose of about `chars` characters (no randomness: runs compare). */
function prose(seed: number, chars: number): string {
  const out: string[] = [];
  let length = 0;
  for (let i = 0; length < chars; i++) {
    const word = WORDS[(seed * 7 + i * 13) % WORDS.length] as string;
    out.push(word);
    length += word.length + 1;
  }
  return out.join(' ');
}

const textBlock = (text: string) => ({ type: 'text', text, citations: [] });

/**
 * A linear conversation of `turns` messages (user, assistant, user, …), all rendered on the page.
 * `answerChars` sizes each answer; every tenth answer also carries a fenced code block.
 */
export function generatedChat(turns: number, userChars: number, answerChars: number): LookalikeChat {
  const messages: LookalikeMessage[] = [];
  let parent = ROOT_PARENT;
  for (let i = 0; i < turns; i++) {
    const human = i % 2 === 0;
    let text = human ? `Q${i} ${prose(i, userChars)}` : `A${i} ${prose(i, answerChars / 2)}\n\n${prose(i + 1, answerChars / 2)}`;
    let rendered: string | undefined;
    if (!human && i % 20 === 1) {
      const code = 'for (const tide of tides) {\n  console.log(tide.height);\n}';
      rendered = `${text}\n\n${code}`;
      text = `${text}\n\n\`\`\`js\n${code}\n\`\`\``;
    }
    const uuid = randomUUID();
    messages.push({
      uuid, parent_message_uuid: parent, sender: human ? 'human' : 'assistant', index: i,
      content: [textBlock(text)], ...(rendered ? { rendered } : {}),
    });
    parent = uuid;
  }
  return {
    orgId: randomUUID(), chatId: randomUUID(), accountName: 'Bench Person', messages, leaf: parent,
    pageShows: turns, settings: { enabled_web_search: true, paprika_mode: 'extended' }, model: 'claude-sonnet-4-6',
  };
}

/** 1,000 answers (2,000 messages) with short texts: the page the controls are timed on. */
export const thousandAnswerChat = (): LookalikeChat => generatedChat(2_000, 60, 240);

/** 1,000 turns whose API JSON is about 2 MB: the conversation the report is built from. */
export const twoMegabyteChat = (): LookalikeChat => generatedChat(1_000, 600, 2_900);
