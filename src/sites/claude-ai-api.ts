// claude.ai's conversation API (`chat_conversations/{id}?tree=True&rendering_mode=messages`)
// -> the turns of the branch the user sees, and the conversation's settings. Pure.
// The JSON is narrowed by small hand-written guards (no zod: this runs in the content script).
// Only what the report may carry is copied out: no uuids, titles, names or integration content.
import type { Block, Omission, Settings, Turn } from '../shared/schema';
import { classifyTool, syncSourceKind, type ToolKind } from '../core/integrations';
import { splitFences } from './markdown';

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const list = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObj) : []);

/** Mirrors the schema's limits (not imported: the schema module would pull zod in). */
const MAX_TEXT = 2_000_000;
const MAX_SHORT = 500;
const clip = (s: string, max = MAX_TEXT) => (s.length > max ? s.slice(0, max) : s);

export interface ApiConversation {
  turns: Turn[];
  settings: Settings;
  /** Thinking left out, and blocks of a kind this reader does not know. */
  omissions: Omission[];
}

/** null when the JSON is not a conversation this reader understands (the caller falls back). */
export function readApiConversation(json: unknown): ApiConversation | null {
  if (!isObj(json) || !Array.isArray(json.chat_messages)) return null;
  const branch = visibleBranch(json);
  if (!branch) return null;
  const counts = { hidden_thinking: 0, unreadable: 0 };
  const turns = branch.map((m): Turn => ({
    role: m.sender === 'human' ? 'user' : 'assistant',
    blocks: [...messageFiles(m), ...contentBlocks(m, counts)],
  }));
  const omissions: Omission[] = [];
  for (const kind of ['hidden_thinking', 'unreadable'] as const) {
    if (counts[kind] > 0) omissions.push({ kind, source: null, count: counts[kind] });
  }
  return { turns, settings: readSettings(json), omissions };
}

/** From `current_leaf_message_uuid` up through `parent_message_uuid`, then in reading order. */
function visibleBranch(json: Json): Json[] | null {
  const all = list(json.chat_messages);
  const known = new Set(all.map((m) => str(m.uuid)));
  const byId = new Map<string, Json>();
  for (const m of all) {
    const id = str(m.uuid);
    if (id && (m.sender === 'human' || m.sender === 'assistant')) byId.set(id, m);
  }
  const branch: Json[] = [];
  let id = str(json.current_leaf_message_uuid);
  while (id !== null && byId.has(id)) {
    const message = byId.get(id) as Json;
    byId.delete(id); // a cycle ends the walk instead of looping
    branch.push(message);
    id = str(message.parent_message_uuid);
  }
  // Stopping at a message that exists but could not be read would silently drop turns.
  if (branch.length === 0 || (id !== null && known.has(id))) return null;
  return branch.reverse();
}

/** Attachments, uploads and synced sources, shown above the message they came with. */
function messageFiles(m: Json): Block[] {
  const blocks: Block[] = [];
  for (const a of list(m.attachments)) {
    const name = str(a.file_name) || null;
    const text = str(a.extracted_content);
    blocks.push(text !== null
      ? { kind: 'pasted', name: name && clip(name, MAX_SHORT), text: clip(text) }
      : { kind: 'file', name: clip(name ?? 'attachment', MAX_SHORT), type: typeOf(a.file_type) });
  }
  const seen = new Set<string>();
  for (const f of [...list(m.files), ...list(m.files_v2)]) {
    const name = str(f.file_name) ?? 'file';
    const key = str(f.file_uuid) ?? str(f.uuid) ?? name; // files and files_v2 may list one upload twice
    if (seen.has(key)) continue;
    seen.add(key);
    blocks.push({ kind: 'file', name: clip(name, MAX_SHORT), type: typeOf(f.file_kind ?? f.file_type) });
  }
  for (const s of list(m.sync_sources)) blocks.push({ kind: 'integration', source: syncSourceKind(str(s.type)) });
  return blocks;
}

const typeOf = (v: unknown) => { const s = str(v); return s ? clip(s, MAX_SHORT) : null; };

function contentBlocks(m: Json, counts: { hidden_thinking: number; unreadable: number }): Block[] {
  const content = list(m.content);
  const legacyText = str(m.text);
  if (content.length === 0) return legacyText ? splitFences(clip(legacyText)) : [];
  const blocks: Block[] = [];
  const tools = new Map<string, Extract<Block, { kind: 'tool' }> | 'integration'>();
  for (const c of content) {
    if (c.type === 'text') {
      blocks.push(...splitFences(clip(str(c.text) ?? '')));
    } else if (c.type === 'thinking') {
      // The thinking itself is left out; the one-line summaries the page shows are kept.
      const summaries = list(c.summaries).map((s) => str(s.summary)).filter((s): s is string => !!s);
      if (summaries.length > 0) blocks.push({ kind: 'thinking', text: clip(summaries.join('\n')) });
      if (str(c.thinking)) counts.hidden_thinking++;
    } else if (c.type === 'tool_use') {
      const kind = toolKind(c);
      const block: Block = kind.builtin ? toolBlock(c, stringify(c.input), null) : { kind: 'integration', source: kind.source };
      blocks.push(block);
      const id = str(c.id);
      if (id) tools.set(id, block.kind === 'tool' ? block : 'integration');
    } else if (c.type === 'tool_result') {
      const use = tools.get(str(c.tool_use_id) ?? '');
      if (use === 'integration') continue;
      if (use) { use.output = resultText(c.content); continue; }
      const kind = toolKind(c); // a result without its call: judged on its own
      blocks.push(kind.builtin ? toolBlock(c, null, resultText(c.content)) : { kind: 'integration', source: kind.source });
    } else {
      counts.unreadable++;
    }
  }
  return blocks;
}

function toolKind(c: Json): ToolKind {
  return classifyTool({ name: str(c.name), integrationName: str(c.integration_name), origin: str(c.tool_origin) });
}

function toolBlock(c: Json, input: string | null, output: string | null): Extract<Block, { kind: 'tool' }> {
  return { kind: 'tool', name: clip(str(c.name) ?? 'tool', MAX_SHORT), input, output };
}

function stringify(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  return clip(typeof v === 'string' ? v : JSON.stringify(v, null, 2));
}

/** A built-in tool's result as text: text parts verbatim, web results as title and address. */
function resultText(v: unknown): string | null {
  if (typeof v === 'string') return clip(v);
  const parts = list(v).map((p) => {
    if (p.type === 'text') return str(p.text) ?? '';
    if (p.type === 'knowledge') return [str(p.title), str(p.url)].filter(Boolean).join('\n');
    return `[${str(p.type) ?? 'item'}]`;
  });
  return parts.length > 0 ? clip(parts.join('\n')) : null;
}

/** Feature toggles by stable name <- the API setting that holds them (a fixed allowlist). */
const FEATURES: ReadonlyArray<readonly [string, string, (v: unknown) => boolean | string | undefined]> = [
  ['web_search', 'enabled_web_search', flag],
  ['extended_thinking', 'paprika_mode', (v) => (typeof v === 'string' ? v === 'extended' : v === null ? false : undefined)],
  ['extended_thinking', 'thinking_mode', token], // newer conversations: "auto", "extended", …
  ['research', 'compass_mode', (v) => (v === null ? false : token(v))],
  ['artifacts', 'preview_feature_uses_artifacts', flag],
  ['code_execution', 'enabled_monkeys_in_a_barrel', flag],
  ['memory', 'chat_memory_mode', token],
  ['effort', 'effort_level', token],
  ['google_drive', 'enabled_bananagrams', flag],
  ['gmail', 'enabled_sourdough', flag],
  ['google_calendar', 'enabled_foccacia', flag],
];

function flag(v: unknown): boolean | undefined {
  return typeof v === 'boolean' ? v : undefined;
}

/** Mode names only ("auto", "extended", "low"): anything longer or stranger is not copied. */
function token(v: unknown): string | undefined {
  return typeof v === 'string' && /^[\w.-]{1,40}$/.test(v) ? v : undefined;
}

function readSettings(json: Json): Settings {
  const raw = isObj(json.settings) ? json.settings : {};
  const features: Record<string, boolean | string> = {};
  for (const [name, key, read] of FEATURES) {
    const value = read(raw[key]);
    if (value !== undefined && !(name in features)) features[name] = value;
  }
  const model = str(json.model);
  return { model: model ? clip(model, MAX_SHORT) : null, style: { name: null, instructions: null }, features };
}
