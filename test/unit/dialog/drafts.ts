// Drafts as the content script would store them: a conversation with code, pasted text, a
// file, an integration marker and markup in the text that must show literally.
import type { Draft } from '../../../src/shared/messages';
import type { Conversation } from '../../../src/shared/schema';

export const MARKUP = '<img src=x onerror="alert(1)"><b>bold?</b>';

export function conversation(over: Partial<Conversation> = {}): Conversation {
  return {
    source: 'api',
    complete: true,
    matches_page: true,
    settings: { model: 'claude-test-model', style: { name: null, instructions: null }, features: { web_search: true } },
    turns: [
      {
        role: 'user',
        blocks: [
          { kind: 'text', text: `Please explain ${MARKUP}` },
          { kind: 'pasted', name: 'notes.txt', text: 'PASTED-CANARY text' },
          { kind: 'file', name: 'report.pdf', type: 'application/pdf' },
          { kind: 'integration', source: 'google_drive' },
        ],
      },
      {
        role: 'assistant',
        blocks: [
          { kind: 'text', text: 'Here is the answer.' },
          { kind: 'code', language: 'ts', code: 'const x = 1;' },
        ],
      },
    ],
    ...over,
  };
}

export function readableDraft(rating: Draft['rating'] = 'not_helpful', conv = conversation()): Draft {
  return { site: 'claude.ai', rating, capture: { ok: true, captured: { conversation: conv, ratedTurn: 1, omissions: [] } } };
}

export const unreadableDraft: Draft = {
  site: 'claude.ai',
  rating: 'helpful',
  capture: { ok: false, error: 'unreadable', detail: 'no answer container found' },
};
