// Splits markdown into prose and fenced code blocks, so an answer read from an API has the same
// shape as one read from the page (text, code, text …). Only top-level fences are split; the
// markdown around them is kept as written.
import type { Block } from '../shared/schema';

const OPEN = /^ {0,3}(`{3,}|~{3,})[ \t]*([^\s`]*)[^`]*$/;

export function splitFences(markdown: string): Block[] {
  const blocks: Block[] = [];
  let prose: string[] = [];
  const flushProse = () => {
    const text = prose.join('\n').trim();
    if (text) blocks.push({ kind: 'text', text });
    prose = [];
  };
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = OPEN.exec(lines[i] ?? '');
    if (!open) { prose.push(lines[i] ?? ''); continue; }
    const fence = open[1] ?? '```';
    const close = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`);
    const code: string[] = [];
    let j = i + 1;
    while (j < lines.length && !close.test(lines[j] ?? '')) code.push(lines[j++] ?? '');
    flushProse();
    blocks.push({ kind: 'code', language: open[2] || null, code: code.join('\n') });
    i = j; // the closing fence (or the end: an unclosed fence runs to the end, as in CommonMark)
  }
  flushProse();
  return blocks;
}
