// The claude.ai adapter. Every claude.ai selector lives in `selectors` below; each is proven on
// fixtures of three markup generations (2024 .font-claude-message, 2025 [data-test-render-count],
// 2026 transcript rows) and counted on a saved 2026 page. Structure (data-testid, data-*, roles)
// is preferred to class names; aria-labels are translated per locale, so none is keyed on.
// Nothing outside the conversation's turns is read, except the model picker for settings.
import type { Block, Settings, Turn } from '../shared/schema';
import type { CaptureResult, FetchJson, SiteAdapter } from './types';
import { readApiConversation } from './claude-ai-api';
import { readBlocks, readCode, tidyLines } from './dom-text';
import { sameAnswer } from './text-match';

export const selectors = {
  /** A turn's wrapper (2025: render-count; 2026: transcript row). 2024 has none. */
  row: '[data-test-render-count], [data-testid="transcript-row"]',
  userMessage: '[data-testid="user-message"], .font-user-message',
  userParagraph: 'p',
  /** The answer container, streaming or not; 2024 answers without the streaming wrapper too. */
  answer: '[data-is-streaming], :not([data-is-streaming]) > .font-claude-message, :not([data-is-streaming]) > .font-claude-response',
  answerBody: '.font-claude-response, .font-claude-message',
  /** Wrappers of the rendered markdown: tool and thinking regions stop below them. */
  markdown: '.standard-markdown, .progressive-markdown',
  codeBlock: '[class*="group/copy"], pre',
  /** Tool-status chips ("Searched the web"): not answer text, and may name integration content. */
  toolChip: 'button[class*="group/status"]',
  status: '[role="status"]',
  /** The thinking toggle: a disclosure button with a status line (the summary the page shows). */
  thinkingToggle: 'button[aria-expanded]',
  artifactCard: '.artifact-block-cell',
  /** The pasted-text / upload chip, beside (not inside) the user bubble, in the same row. */
  fileThumbnail: '[data-testid="file-thumbnail"]',
  fileName: 'h3',
  fileLabel: '[aria-label]',
  integrationLink: 'a[href*="drive.google.com"], a[href*="docs.google.com"], a[href*="github.com"]',
  /** The page's own action bar under each turn (counted in tests; never read or written). */
  actionBar: '[data-testid="action-bar-copy"]',
  modelSelector: '[data-testid="model-selector-dropdown"]',
} as const;

const STREAMING = 'data-is-streaming';
const MAX_SHORT = 500;

/** Finished unless marked as streaming (2024 answers without the marker are always finished). */
function isFinished(answer: Element): boolean {
  return (answer.closest(`[${STREAMING}]`)?.getAttribute(STREAMING) ?? 'false') !== 'true';
}

interface PageTurn { turn: Turn; answer: Element | null }
interface PageRead { turns: PageTurn[]; unreadable: number; hiddenThinking: number }

/** Every user message and answer on the page, in document order. */
function readPage(doc: Document): PageRead {
  const read: PageRead = { turns: [], unreadable: 0, hiddenThinking: 0 };
  const found = doc.querySelectorAll(`${selectors.userMessage}, ${selectors.answer}`);
  for (const el of Array.from(found)) {
    if (el.parentElement?.closest(`${selectors.answer}, ${selectors.userMessage}`)) continue;
    if (el.matches(selectors.answer)) {
      read.turns.push({ turn: { role: 'assistant', blocks: readAnswer(el, read) }, answer: el });
    } else {
      read.turns.push({ turn: { role: 'user', blocks: readUser(el) }, answer: null });
    }
  }
  return read;
}

function readUser(message: Element): Block[] {
  const row = message.closest(selectors.row);
  const files = row ? Array.from(row.querySelectorAll(selectors.fileThumbnail)).map(thumbnailBlock) : [];
  const paragraphs = Array.from(message.querySelectorAll(selectors.userParagraph));
  // Typed text is shown pre-wrapped: its line breaks are the user's own, so they are kept.
  const text = paragraphs.length > 0
    ? paragraphs.map((p) => p.textContent ?? '').join('\n\n')
    : message.textContent ?? '';
  return text.trim() ? [...files, { kind: 'text', text: text.trim() }] : files;
}

/**
 * The page shows a chip's label, not the pasted text behind it, so it is recorded as a file by
 * that label. A chip linking to Drive or GitHub is integration content: a marker only.
 */
function thumbnailBlock(chip: Element): Block {
  const link = chip.querySelector(selectors.integrationLink)?.getAttribute('href') ?? '';
  if (link) return { kind: 'integration', source: link.includes('github.com') ? 'github' : 'google_drive' };
  const label = chip.querySelector(selectors.fileName)?.textContent
    ?? chip.querySelector(selectors.fileLabel)?.getAttribute('aria-label') ?? 'attachment';
  return { kind: 'file', name: tidyLines(label).slice(0, MAX_SHORT) || 'attachment', type: null };
}

function readAnswer(answer: Element, read: PageRead): Block[] {
  const body = answer.matches(selectors.answerBody) ? answer : answer.querySelector(selectors.answerBody) ?? answer;
  const special = new Map<Element, Block | null>();
  for (const el of Array.from(body.querySelectorAll(selectors.codeBlock))) {
    if (!el.parentElement?.closest(selectors.codeBlock)) special.set(el, readCode(el));
  }
  for (const el of Array.from(body.querySelectorAll(`${selectors.toolChip}, ${selectors.artifactCard}`))) {
    special.set(regionOf(el, body), null);
    read.unreadable++;
  }
  for (const el of Array.from(body.querySelectorAll(selectors.thinkingToggle))) {
    const status = el.querySelector(selectors.status);
    if (!status || el.matches(selectors.toolChip)) continue;
    // Only the summary line the page shows is kept; the thinking behind the toggle is not.
    const summary = tidyLines(status.textContent ?? '');
    special.set(regionOf(el, body), summary ? { kind: 'thinking', text: summary } : null);
    read.hiddenThinking++;
  }
  for (const el of Array.from(body.querySelectorAll(selectors.status))) if (!special.has(el)) special.set(el, null);
  return readBlocks(body, (el) => special.get(el));
}

/** The largest ancestor of a chip that holds no answer prose: the chip with its details. */
function regionOf(el: Element, body: Element): Element {
  let region = el;
  while (region.parentElement && region.parentElement !== body
    && !region.parentElement.querySelector(selectors.markdown)) region = region.parentElement;
  return region;
}

function pageModel(doc: Document): string | null {
  const text = tidyLines(doc.querySelector(selectors.modelSelector)?.textContent ?? '');
  return text ? text.slice(0, MAX_SHORT) : null;
}

/** Org from the `lastActiveOrg` cookie, conversation from `/chat/{uuid}`; null elsewhere. */
export function apiPath(doc: Document): string | null {
  const org = /(?:^|;\s*)lastActiveOrg=([0-9a-f-]{8,64})(?:;|$)/i.exec(doc.cookie)?.[1];
  const chat = /^\/chat\/([0-9a-f-]{8,64})\/?$/i.exec(doc.location?.pathname ?? '')?.[1];
  if (!org || !chat) return null;
  return `/api/organizations/${org}/chat_conversations/${chat}?tree=True&rendering_mode=messages&render_all_tools=true`;
}

const proseOf = (turn: Turn) => turn.blocks
  .map((b) => (b.kind === 'text' ? b.text : b.kind === 'code' ? b.code : '')).filter(Boolean).join('\n');

/** The page's answers in document order, without reading them (a nested match is part of its answer). */
function answersOn(doc: Document): Element[] {
  return Array.from(doc.querySelectorAll(selectors.answer)).filter((el) => !el.parentElement?.closest(selectors.answer));
}

async function capture(doc: Document, answer: Element, fetchJson: FetchJson): Promise<CaptureResult> {
  const target = answer.closest(selectors.answer) ?? answer;
  const answers = answersOn(doc);
  if (answers.length === 0 && !doc.querySelector(selectors.userMessage)) {
    return { ok: false, error: 'unreadable', detail: 'no conversation turns recognised on this page' };
  }
  if (!answers.includes(target)) return { ok: false, error: 'unreadable', detail: 'the rated answer was not found among the answers on this page' };
  const model = pageModel(doc);
  // When the site's API answers, the page is only read for its last answer (to check that both
  // agree): reading every rendered turn of a long chat costs far more than the API read.
  const fromApi = await captureFromApi(doc, fetchJson, answers, target, model);
  if (fromApi) return fromApi;
  const page = readPage(doc);
  const rated = page.turns.findIndex((t) => t.answer === target);
  // From the page alone, a conversation without a question or a rated answer without readable
  // content means the markup is not what this adapter knows: say so rather than send a husk.
  if (!page.turns.some((t) => t.turn.role === 'user')) return { ok: false, error: 'unreadable', detail: 'no user message recognised on this page' };
  if (page.turns[rated]?.turn.blocks.length === 0) return { ok: false, error: 'unreadable', detail: 'the rated answer has no readable content' };
  const settings: Settings = { model, style: { name: null, instructions: null }, features: {} };
  const omissions = [
    ...(page.hiddenThinking ? [{ kind: 'hidden_thinking' as const, source: null, count: page.hiddenThinking }] : []),
    ...(page.unreadable ? [{ kind: 'unreadable' as const, source: null, count: page.unreadable }] : []),
  ];
  return {
    ok: true,
    captured: {
      conversation: { source: 'page', complete: false, matches_page: null, settings, turns: page.turns.map((t) => t.turn) },
      ratedTurn: rated,
      omissions,
    },
  };
}

async function captureFromApi(
  doc: Document, fetchJson: FetchJson, pageAnswers: Element[], target: Element, model: string | null,
): Promise<CaptureResult | null> {
  const path = apiPath(doc);
  if (!path) return null;
  let api;
  try { api = readApiConversation(await fetchJson(path)); } catch { return null; }
  if (!api) return null;
  // The page renders only the tail of a long chat: align answers counting from the end,
  // ignoring an answer still streaming at the bottom (the API may not hold it yet).
  const answers = [...pageAnswers];
  for (let last = answers.at(-1); last && last !== target && !isFinished(last); last = answers.at(-1)) answers.pop();
  const fromEnd = answers.length - 1 - answers.indexOf(target);
  const apiAnswers = api.turns.flatMap((t, i) => (t.role === 'assistant' ? [i] : []));
  const ratedTurn = apiAnswers[apiAnswers.length - 1 - fromEnd];
  const lastApi = api.turns[apiAnswers.at(-1) ?? -1];
  const lastAnswer = answers.at(-1);
  if (ratedTurn === undefined || !lastApi || !lastAnswer) return null;
  const lastPage: Turn = { role: 'assistant', blocks: readAnswer(lastAnswer, { turns: [], unreadable: 0, hiddenThinking: 0 }) };
  const settings = { ...api.settings, model: api.settings.model ?? model };
  const matches = sameAnswer(proseOf(lastApi), proseOf(lastPage));
  return {
    ok: true,
    captured: {
      conversation: { source: 'api', complete: true, matches_page: matches, settings, turns: api.turns },
      ratedTurn,
      omissions: api.omissions,
    },
  };
}

export const claudeAi: SiteAdapter = {
  id: 'claude.ai',
  // The app moves between /new, /project/… and /chat/… without a page load: serve the origin.
  matches: (url) => url.protocol === 'https:' && url.hostname === 'claude.ai',
  conversationKey: (url) => url.pathname,
  answerSelector: selectors.answer,
  streamingAttribute: STREAMING,
  isFinished,
  // Inside the answer container, after the answer's body (the page's action bar is outside it).
  controlsParent: (answer) => answer,
  capture,
};
