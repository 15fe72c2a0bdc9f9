// Does an answer's markdown (from a site's API) say the same as its rendered text (on the page)?
// Markdown syntax, link targets and layout differ between the two; the words do not. So both are
// reduced to letters and digits and compared as sets of character trigrams, which also works for
// scripts written without spaces (Chinese, Japanese).

/** Lower-case letters and digits only. */
export function compactText(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

function trigrams(s: string): Set<string> {
  const chars = Array.from(s);
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i++) grams.add(chars.slice(i, i + 3).join(''));
  return grams;
}

function share(part: Set<string>, whole: Set<string>): number {
  let found = 0;
  for (const g of part) if (whole.has(g)) found++;
  return part.size === 0 ? 1 : found / part.size;
}

/** Below this many characters, only an exact match counts: trigrams of a few words prove little. */
const SHORT = 24;
/** What the page renders must nearly all be in the markdown … */
const RENDERED_IN_MARKDOWN = 0.9;
/** … while the markdown may hold more (link targets, image sources) than the page shows. */
const MARKDOWN_IN_RENDERED = 0.6;

export function sameAnswer(markdown: string, rendered: string): boolean {
  const a = compactText(markdown);
  const b = compactText(rendered);
  if (a.length < SHORT || b.length < SHORT) return a === b;
  const ga = trigrams(a);
  const gb = trigrams(b);
  return share(gb, ga) >= RENDERED_IN_MARKDOWN && share(ga, gb) >= MARKDOWN_IN_RENDERED;
}
