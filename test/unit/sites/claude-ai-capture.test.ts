// capture(): the API when it answers (aligned with the page, checked against it), the page
// when it does not.
import { describe, expect, it, vi } from 'vitest';
import { apiPath, claudeAi, selectors } from '../../../src/sites/claude-ai';
import type { CaptureResult, FetchJson } from '../../../src/sites/types';
import { CHAT_URL, CONVERSATION_ID, ORG_ID, fixture, fixtureJson, loadPage } from './load-page';

const API_PATH = `/api/organizations/${ORG_ID}/chat_conversations/${CONVERSATION_ID}?tree=True&rendering_mode=messages&render_all_tools=true`;
const api = () => fixtureJson('api-integrations.json') as { chat_messages: Record<string, unknown>[]; model?: unknown };
const answers = (doc: Document) => Array.from(doc.querySelectorAll(claudeAi.answerSelector));

function captured(result: CaptureResult) {
  if (!result.ok) throw new Error(result.detail);
  return result.captured;
}

/** The same conversation with two earlier turns the page never rendered. */
function longerApi() {
  const json = api();
  const first = json.chat_messages[0] as Record<string, unknown>;
  const root = first.parent_message_uuid;
  first.parent_message_uuid = 'eeee0002-0000-4000-8000-000000000002';
  json.chat_messages.unshift(
    { uuid: 'eeee0001-0000-4000-8000-000000000001', parent_message_uuid: root, sender: 'human', content: [{ type: 'text', text: 'EARLIER-QUESTION' }] },
    { uuid: 'eeee0002-0000-4000-8000-000000000002', parent_message_uuid: 'eeee0001-0000-4000-8000-000000000001', sender: 'assistant', content: [{ type: 'text', text: 'EARLIER-ANSWER' }] },
  );
  return json;
}

describe('with the API answering', () => {
  it('asks the same-origin API for this conversation and records it as complete and matching', async () => {
    const doc = loadPage(fixture('page-2025.html'), { cookie: `lastActiveOrg=${ORG_ID}` });
    doc.cookie = 'theme=dark';
    const fetchJson = vi.fn<FetchJson>(() => Promise.resolve(api()));
    const result = captured(await claudeAi.capture(doc, answers(doc)[1] as Element, fetchJson));
    expect(fetchJson).toHaveBeenCalledExactlyOnceWith(API_PATH);
    expect(result.conversation).toMatchObject({ source: 'api', complete: true, matches_page: true });
    expect(result.conversation.turns).toHaveLength(4);
    expect(result.ratedTurn).toBe(3);
    const first = captured(await claudeAi.capture(doc, answers(doc)[0] as Element, fetchJson));
    expect(first.ratedTurn).toBe(1);
  });

  it('holds turns the page did not render, and aligns the rated answer counting from the end', async () => {
    const doc = loadPage(fixture('page-2025.html'));
    const result = captured(await claudeAi.capture(doc, answers(doc)[0] as Element, () => Promise.resolve(longerApi())));
    expect(result.conversation.turns).toHaveLength(6);
    expect(result.conversation.turns[1]?.blocks).toEqual([{ kind: 'text', text: 'EARLIER-ANSWER' }]);
    expect(result.ratedTurn).toBe(3);
    expect(result.conversation.matches_page).toBe(true);
  });

  it('aligns when the page shows only the last exchange', async () => {
    const doc = loadPage(fixture('page-2025.html'));
    for (const row of Array.from(doc.querySelectorAll(selectors.row)).slice(0, 2)) row.remove();
    const result = captured(await claudeAi.capture(doc, answers(doc)[0] as Element, () => Promise.resolve(api())));
    expect(result.ratedTurn).toBe(3);
    expect(result.conversation.turns).toHaveLength(4);
  });

  it('says so when the API\'s last answer is not the one on screen', async () => {
    const doc = loadPage(fixture('page-2025.html'));
    const last = answers(doc)[1]?.querySelector(selectors.markdown) as Element;
    last.innerHTML = '<p>A regenerated answer about something else entirely, with other words and numbers 1 2 3.</p>';
    const result = captured(await claudeAi.capture(doc, answers(doc)[1] as Element, () => Promise.resolve(api())));
    expect(result.conversation).toMatchObject({ source: 'api', matches_page: false });
  });

  it('ignores an answer still streaming at the bottom when aligning', async () => {
    const doc = loadPage(fixture('page-2025.html'));
    doc.querySelector('main')?.insertAdjacentHTML('beforeend',
      '<div data-test-render-count="1"><div data-testid="user-message"><p>Next?</p></div></div>'
      + '<div data-test-render-count="1"><div data-is-streaming="true"><div class="font-claude-response"><div class="progressive-markdown"><p>Wri</p></div></div></div></div>');
    expect(answers(doc)).toHaveLength(3);
    const result = captured(await claudeAi.capture(doc, answers(doc)[1] as Element, () => Promise.resolve(api())));
    expect(result.ratedTurn).toBe(3);
    expect(result.conversation.matches_page).toBe(true);
  });

  it('takes the model from the page when the API has none', async () => {
    const doc = loadPage(fixture('page-2025.html'));
    const json = api();
    delete json.model;
    const result = captured(await claudeAi.capture(doc, answers(doc)[1] as Element, () => Promise.resolve(json)));
    expect(result.conversation.settings.model).toBe('Sonnet 4.5');
  });
});

describe('falling back to the page', () => {
  const fallbacks: [string, FetchJson][] = [
    ['the request fails', () => Promise.reject(new Error('HTTP 403'))],
    ['the answer is not an object', () => Promise.resolve('<!doctype html>')],
    ['the answer has the wrong shape', () => Promise.resolve({ type: 'error', error: { type: 'permission_error' } })],
    ['the API has fewer answers than the page', () => Promise.resolve({
      current_leaf_message_uuid: 'b', chat_messages: [
        { uuid: 'a', parent_message_uuid: null, sender: 'human', content: [{ type: 'text', text: 'q' }] },
        { uuid: 'b', parent_message_uuid: 'a', sender: 'assistant', content: [{ type: 'text', text: 'r' }] }] })],
  ];

  it.each(fallbacks)('when %s', async (_, fetchJson) => {
    const doc = loadPage(fixture('page-2025.html'));
    const result = captured(await claudeAi.capture(doc, answers(doc)[0] as Element, fetchJson));
    expect(result.conversation).toMatchObject({ source: 'page', complete: false, matches_page: null });
    expect(result.conversation.turns).toHaveLength(4);
    expect(result.ratedTurn).toBe(1);
  });

  it.each([
    ['no org cookie', CHAT_URL, 'theme=dark'],
    ['a project page', 'https://claude.ai/project/3f2e1d0c-ba98-4765-8432-10fedcba9876', `lastActiveOrg=${ORG_ID}`],
    ['a new chat', 'https://claude.ai/new', `lastActiveOrg=${ORG_ID}`],
  ])('without asking the API on %s', async (_, url, cookie) => {
    const doc = loadPage(fixture('page-2025.html'), { url, cookie });
    const fetchJson = vi.fn<FetchJson>(() => Promise.resolve(api()));
    const result = captured(await claudeAi.capture(doc, answers(doc)[1] as Element, fetchJson));
    expect(fetchJson).not.toHaveBeenCalled();
    expect(result.conversation.source).toBe('page');
  });
});

describe('apiPath', () => {
  it('refuses ids that are not ids (nothing odd reaches the request path)', () => {
    expect(apiPath(loadPage('<p></p>', { cookie: 'lastActiveOrg=../../evil' }))).toBeNull();
    expect(apiPath(loadPage('<p></p>', { url: 'https://claude.ai/chat/abc/../x' }))).toBeNull();
    expect(apiPath(loadPage('<p></p>'))).toBe(API_PATH);
  });
});
