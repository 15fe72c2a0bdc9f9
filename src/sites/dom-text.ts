// Turns a rendered answer into blocks: the text a reader sees, one line per block-level element,
// with code blocks and other special regions handed to the site adapter. Site-agnostic: the
// adapter says which elements are special, this file knows only HTML.
import type { Block } from '../shared/schema';

/** An element's replacement: a block emitted in its place, or null to leave it out entirely. */
export type Special = (el: Element) => Block | null | undefined;

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIGCAPTION',
  'FIGURE', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'OL', 'P',
  'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'UL',
]);
const NEVER_TEXT = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'SVG', 'BUTTON']);
const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Lines trimmed, blank lines dropped: layout whitespace is not part of what was said. */
export function tidyLines(raw: string): string {
  return raw.split('\n').map((line) => line.replace(/[ \t\f\r\u00a0]+/g, ' ').trim())
    .filter((line) => line !== '').join('\n');
}

export function readBlocks(root: Element, special: Special): Block[] {
  const blocks: Block[] = [];
  let text = '';
  const flush = () => {
    const tidy = tidyLines(text);
    if (tidy) blocks.push({ kind: 'text', text: tidy });
    text = '';
  };
  const walk = (node: Element) => {
    let ordinal = 0;
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === TEXT_NODE) {
        text += (child.textContent ?? '').replace(/\s+/g, ' ');
        continue;
      }
      if (child.nodeType !== ELEMENT_NODE) continue;
      const el = child as Element;
      const tag = el.tagName.toUpperCase();
      if (NEVER_TEXT.has(tag)) continue;
      const replacement = special(el);
      if (replacement === null) continue;
      if (replacement !== undefined) {
        flush();
        blocks.push(replacement);
        continue;
      }
      if (tag === 'BR') { text += '\n'; continue; }
      const isBlock = BLOCK_TAGS.has(tag);
      if (isBlock) text += '\n';
      if (tag === 'LI') text += node.tagName.toUpperCase() === 'OL' ? `${++ordinal}. ` : '- ';
      if (tag === 'TD' || tag === 'TH') text += ' ';
      walk(el);
      if (isBlock) text += '\n';
    }
  };
  walk(root);
  flush();
  return blocks;
}

/** A code block: the `code` inside a `pre` (or the `pre` itself), language from `language-*`. */
export function readCode(container: Element): Block {
  const pre = container.tagName.toUpperCase() === 'PRE' ? container : container.querySelector('pre');
  const code = pre?.querySelector('code') ?? pre ?? container;
  const language = /(?:^|\s)language-(\S+)/.exec(code.getAttribute('class') ?? '')?.[1] ?? null;
  return { kind: 'code', language, code: (code.textContent ?? '').replace(/\n$/, '') };
}
