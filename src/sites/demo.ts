// Adapter for the reference collector's demo chat (GET /demo on loopback). The markup is our
// own (src/collector/demo/demo.html), so every selector is a stable id, class or data-*
// attribute. The page renders the whole conversation, so the page is the complete source.
import type { Block, IntegrationSource, Settings, Turn } from '../shared/schema';
import type { CaptureResult, SiteAdapter } from './types';
import { readBlocks, readCode, tidyLines } from './dom-text';

export const demoSelectors = {
  turn: '#chat-log > article.turn',
  answer: '#chat-log > article.turn[data-role="assistant"]',
  content: '.turn-content',
  footer: '.turn-footer',
  code: 'pre',
  pasted: '.attachment-pasted',
  pastedName: '.attachment-name',
  pastedText: '.attachment-text',
  file: '.attachment-file',
  integration: '.integration-chip',
  thinking: 'details.thinking',
  thinkingText: '.thinking-text',
  model: '#chat-settings [data-setting="model"]',
  styleName: '#chat-settings [data-setting="style-name"]',
  styleInstructions: '#chat-settings [data-setting="style-instructions"]',
  feature: '#chat-settings [data-feature]',
} as const;

const STATE = 'data-state';
const HOSTS = new Set(['127.0.0.1', 'localhost']);
const MAX_SHORT = 500;
/** Mirrors the schema's list (not imported: the schema module would pull zod in). */
const SOURCES: readonly IntegrationSource[] = ['google_drive', 'github', 'gmail', 'google_calendar', 'other_chats', 'connector'];

const short = (el: Element | null): string | null => {
  const text = tidyLines(el?.textContent ?? '');
  return text ? text.slice(0, MAX_SHORT) : null;
};

/** Attachments, chips, code and thinking become their own blocks; prose is read as text. */
function special(el: Element): Block | undefined {
  if (el.matches(demoSelectors.code)) return readCode(el);
  if (el.matches(demoSelectors.integration)) {
    // The chip's title is integration content too: only its kind leaves the page.
    const source = el.getAttribute('data-integration') as IntegrationSource | null;
    return { kind: 'integration', source: source && SOURCES.includes(source) ? source : 'connector' };
  }
  if (el.matches(demoSelectors.pasted)) {
    const raw = el.querySelector(demoSelectors.pastedText)?.textContent ?? '';
    return { kind: 'pasted', name: short(el.querySelector(demoSelectors.pastedName)), text: raw.replace(/\n$/, '') };
  }
  if (el.matches(demoSelectors.file)) {
    return { kind: 'file', name: short(el) ?? 'attachment', type: el.getAttribute('data-type')?.slice(0, MAX_SHORT) ?? null };
  }
  if (el.matches(demoSelectors.thinking)) {
    return { kind: 'thinking', text: tidyLines(el.querySelector(demoSelectors.thinkingText)?.textContent ?? '') };
  }
  return undefined;
}

function readTurn(article: Element): Turn {
  const role = article.getAttribute('data-role') === 'assistant' ? 'assistant' : 'user';
  const content = article.querySelector(demoSelectors.content);
  return { role, blocks: content ? readBlocks(content, special) : [] };
}

function readSettings(doc: Document): Settings {
  const features: Settings['features'] = {};
  for (const toggle of Array.from(doc.querySelectorAll(demoSelectors.feature)).slice(0, 50)) {
    const name = toggle.getAttribute('data-feature')?.slice(0, MAX_SHORT);
    if (name) features[name] = toggle.getAttribute('aria-pressed') === 'true';
  }
  return {
    model: short(doc.querySelector(demoSelectors.model)),
    style: {
      name: short(doc.querySelector(demoSelectors.styleName)),
      instructions: tidyLines(doc.querySelector(demoSelectors.styleInstructions)?.textContent ?? '') || null,
    },
    features,
  };
}

export const demo: SiteAdapter = {
  id: 'demo',
  matches: (url) => (url.protocol === 'http:' || url.protocol === 'https:')
    && HOSTS.has(url.hostname) && (url.pathname === '/demo' || url.pathname === '/demo/'),
  conversationKey: (url) => `${url.pathname}${url.search}`,
  answerSelector: demoSelectors.answer,
  streamingAttribute: STATE,
  isFinished: (answer) => answer.getAttribute(STATE) === 'done',
  controlsParent: (answer) => answer.querySelector(demoSelectors.footer) ?? answer,
  capture: async (doc, answer): Promise<CaptureResult> => {
    const articles = Array.from(doc.querySelectorAll(demoSelectors.turn));
    const ratedTurn = articles.indexOf(answer);
    if (ratedTurn < 0 || answer.getAttribute('data-role') !== 'assistant') {
      return { ok: false, error: 'unreadable', detail: 'the rated answer is not a turn of the demo chat' };
    }
    return {
      ok: true,
      captured: {
        conversation: {
          source: 'page',
          complete: true,
          matches_page: null,
          settings: readSettings(doc),
          turns: articles.map(readTurn),
        },
        ratedTurn,
        omissions: [],
      },
    };
  },
};
