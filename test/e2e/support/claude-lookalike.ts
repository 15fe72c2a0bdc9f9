// A claude.ai lookalike for end-to-end tests: the page mirrors the 2026 markup of the saved
// real page (shared/fixtures), and the same-origin API serves the whole conversation tree,
// with more turns than the page renders (as claude.ai does for long chats), a second branch,
// sync_sources and connector results. Every item that must never leave carries a canary.
import { randomUUID } from 'node:crypto';

export interface LookalikeMessage {
  uuid: string;
  parent_message_uuid: string;
  sender: 'human' | 'assistant';
  index: number;
  content: unknown[];
  attachments?: unknown[];
  files_v2?: unknown[];
  sync_sources?: unknown[];
  /** Page-only: how the answer renders (plain paragraphs). Defaults to the text blocks. */
  rendered?: string;
}

export interface LookalikeChat {
  orgId: string;
  chatId: string;
  accountName: string;
  messages: LookalikeMessage[];
  leaf: string;
  /** How many messages of the visible branch the page renders (the tail). */
  pageShows: number;
  settings: Record<string, unknown>;
  model: string;
}

const ROOT = '00000000-0000-4000-8000-000000000000';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const text = (t: string) => ({ type: 'text', text: t, citations: [] });

export function branchOf(chat: LookalikeChat): LookalikeMessage[] {
  const byId = new Map(chat.messages.map((m) => [m.uuid, m]));
  const out: LookalikeMessage[] = [];
  for (let m = byId.get(chat.leaf); m; m = byId.get(m.parent_message_uuid)) out.unshift(m);
  return out;
}

export function apiJson(chat: LookalikeChat): unknown {
  return {
    uuid: chat.chatId, name: `Chat title ${chat.chatId}`, model: chat.model, settings: chat.settings,
    current_leaf_message_uuid: chat.leaf, created_at: '2026-11-01T10:00:00Z', updated_at: '2026-11-01T10:30:00Z',
    chat_messages: chat.messages.map(({ rendered: _r, ...m }) => ({
      text: '', created_at: '2026-11-01T10:00:00Z', truncated: false,
      attachments: [], files: [], files_v2: [], sync_sources: [], ...m,
    })),
  };
}

function renderMessage(m: LookalikeMessage): string {
  const texts = m.content.filter((b): b is { type: 'text'; text: string } => (b as { type: string }).type === 'text').map((b) => b.text);
  const paragraphs = (m.rendered ?? texts.join('\n\n')).split('\n\n');
  if (m.sender === 'human') {
    const chips = (m.attachments ?? []).map((a) => `<div data-testid="file-thumbnail" class="group/thumbnail"><button aria-label="${esc(String((a as { file_name: string }).file_name))}, pasted"><h3>${esc(String((a as { file_name: string }).file_name))}</h3></button></div>`).join('');
    return `<div data-test-render-count="2"><div class="mb-1 mt-6 group"><div class="flex flex-col items-end gap-1">${chips}<div class="group relative inline-flex gap-2 bg-bg-300 rounded-xl"><div class="flex flex-row gap-2 relative"><div class="flex-1"><div data-testid="user-message" class="font-large !font-user-message grid grid-cols-1 gap-2 py-0.5 relative">${paragraphs.map((p) => `<p class="whitespace-pre-wrap break-words">${esc(p)}</p>`).join('')}</div></div></div></div></div></div></div>`;
  }
  const tools = m.content.filter((b) => (b as { type: string }).type === 'tool_use').map((b) => `<div class="min-w-0 pl-2 py-1.5"><button class="group/status flex items-center" aria-expanded="false"><span class="truncate text-sm">${esc(String((b as { message?: string }).message ?? 'Used a tool'))}</span></button></div>`).join('');
  return `<div data-test-render-count="2"><div class="group" style="height: auto;"><div class="contents"><div data-is-streaming="false" class="group relative pb-3"><div class="font-claude-response relative leading-[1.65rem]"><div><div class="grid grid-rows-[auto_auto] min-w-0"><div class="row-start-1 col-start-1 min-w-0">${tools}</div><div class="row-start-2 col-start-1 relative grid isolate min-w-0"><div><div class="standard-markdown grid-cols-1 grid gap-3 standard-markdown">${paragraphs.map((p) => `<p class="font-claude-response-body break-words whitespace-normal">${esc(p)}</p>`).join('\n')}</div></div></div></div></div></div><div class="flex justify-end" role="group" aria-label="Message actions"><button data-testid="action-bar-copy" aria-label="Copy">Copy</button><button aria-label="Give positive feedback">+</button><button aria-label="Give negative feedback">-</button></div></div></div></div></div>`;
}

export function pageHtml(chat: LookalikeChat): string {
  const shown = branchOf(chat).slice(-chat.pageShows);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Chat title ${esc(chat.chatId)} - Claude</title>
<style>body{font-family:sans-serif;margin:0;display:flex} nav{width:220px;background:#eee;padding:8px} main{flex:1;padding:16px;max-width:760px}</style></head>
<body><nav aria-label="Sidebar"><a href="/chat/${esc(chat.chatId)}">Recent chat ${esc(chat.chatId)}</a>
<button data-testid="user-menu-button"><span>${esc(chat.accountName)}</span><span>${esc(chat.accountName.toLowerCase().replace(/ /g, '.'))}@example.com</span></button></nav>
<main><header><button data-testid="chat-title-button"><div class="truncate">Chat title ${esc(chat.chatId)}</div></button></header>
<div class="flex-1 flex flex-col px-4 max-w-3xl mx-auto w-full pt-1" id="transcript">${shown.map(renderMessage).join('')}</div>
<fieldset><button data-testid="model-selector-dropdown"><div>Sonnet 4.6</div></button></fieldset></main></body></html>`;
}

/**
 * The standard e2e conversation: 12 messages on the visible branch, the page renders the last 4.
 * `leak` marks everything that must never leave (integrations, the other branch, identity);
 * `keep` marks what the user typed or pasted, which must arrive.
 */
export function standardChat(leak: string, keep: string): LookalikeChat {
  const canary = leak;
  const orgId = randomUUID();
  const chatId = randomUUID();
  const ids = Array.from({ length: 13 }, () => randomUUID());
  const id = (i: number) => ids[i] as string;
  const msg = (i: number, parent: string, sender: 'human' | 'assistant', content: unknown[], extra: Partial<LookalikeMessage> = {}): LookalikeMessage =>
    ({ uuid: id(i), parent_message_uuid: parent, sender, index: i, content, ...extra });
  const messages: LookalikeMessage[] = [
    msg(0, ROOT, 'human', [text(`T00 first question TYPED-${keep}`)]),
    msg(1, id(0), 'assistant', [text('T01 first answer about tides.')]),
    msg(2, id(1), 'human', [text('T02 here is my log, and my Drive doc')], {
      attachments: [{ file_name: 'paste.txt', file_type: 'txt', file_size: 40, extracted_content: `PASTED-${keep} line one\nline two` }],
      sync_sources: [{ uuid: randomUUID(), type: 'gdrive', config: { uri: `https://docs.google.com/document/d/DRIVE-URI-${canary}` }, status: { state: 'ready' } },
        { uuid: randomUUID(), type: 'github', config: { owner: `GH-OWNER-${canary}`, repo: `GH-REPO-${canary}`, branch: 'main' } }],
    }),
    // A second branch off T02: an earlier answer the user regenerated away from.
    msg(12, id(2), 'assistant', [text(`BRANCH-OTHER-${canary} an answer the user replaced`)]),
    msg(3, id(2), 'assistant', [text('T03 the log shows a timeout in step two.')]),
    msg(4, id(3), 'human', [text('T04 search my drive for the runbook')], { files_v2: [{ file_kind: 'image', file_name: 'diagram.png', file_uuid: randomUUID() }] }),
    msg(5, id(4), 'assistant', [
      { type: 'tool_use', id: 'toolu_1', name: 'google_drive_search', input: { query: `DRIVE-QUERY-${canary}` }, message: 'Searching Drive', integration_name: 'Google Drive' },
      { type: 'tool_result', tool_use_id: 'toolu_1', name: 'google_drive_search', content: [text(`DRIVE-CONTENT-${canary} Runbook title`)], integration_name: 'Google Drive' },
      text('T05 I found the runbook; restart the worker.'),
    ]),
    msg(6, id(5), 'human', [text('T06 what did the CRM say, and check the web')]),
    msg(7, id(6), 'assistant', [
      { type: 'tool_use', id: 'toolu_2', name: 'crm_lookup', input: { account: `MCP-INPUT-${canary}` }, message: 'Looking up the CRM', integration_name: 'Acme CRM' },
      { type: 'tool_result', tool_use_id: 'toolu_2', name: 'crm_lookup', content: [text(`MCP-RESULT-${canary}`)], integration_name: 'Acme CRM' },
      { type: 'tool_use', id: 'toolu_3', name: 'web_search', input: { query: 'worker restart timeout' }, message: 'Searching the web' },
      { type: 'tool_result', tool_use_id: 'toolu_3', name: 'web_search', content: [{ type: 'knowledge', title: 'Docs', url: 'https://example.org/docs', text: 'WEB-RESULT kept' }] },
      text('T07 The CRM shows an open ticket. The web agrees.'),
    ]),
    msg(8, id(7), 'human', [text('T08 write the fix')]),
    msg(9, id(8), 'assistant', [text('T09 Here is the fix:\n\n```python\nprint("restart")\n```\n\nRun it once.')], { rendered: 'T09 Here is the fix:\n\nprint("restart")\n\nRun it once.' }),
    msg(10, id(9), 'human', [text(`T10 thanks TYPED-${keep}`)]),
    msg(11, id(10), 'assistant', [text('T11 You are welcome. Anything else?')]),
  ];
  return {
    orgId, chatId, accountName: `Canary Person ${canary}`, messages, leaf: id(11), pageShows: 4, model: 'claude-sonnet-4-6',
    settings: { enabled_web_search: true, paprika_mode: 'extended', enabled_drive_search: true, enabled_mcp_tools: { [`MCP-SETTING-${canary}`]: true } },
  };
}
