// Which tool blocks belong to the conversation and which carry integration content.
// Decided by an explicit list: a tool is built-in only when this file names it (and nothing
// says it came from elsewhere); everything else — known connectors and unknown tools alike —
// is left out of a report and replaced by a marker naming its kind.
// Pure and zod-free: the content script uses it.
import type { IntegrationSource } from '../shared/schema';

/** Built-in claude.ai tools (web search/fetch, code execution, file creation, artifacts): kept. */
export const BUILTIN_TOOLS: ReadonlySet<string> = new Set([
  'web_search', 'web_fetch',
  'code_execution', 'repl', 'analysis',
  'create_file', 'str_replace', 'view', 'bash_tool', 'present_files',
  'artifacts',
]);

/**
 * `integration_name` values claude.ai gives its own tools (compared as lower-case letters only).
 * A tool named like a built-in but labelled with any other integration is a connector's.
 */
export const BUILTIN_INTEGRATION_NAMES: ReadonlySet<string> = new Set([
  'filecreation', 'websearch', 'webfetch', 'analysis', 'analysistool', 'codeexecution', 'artifacts',
]);

/** Tools that search the user's other chats: their results would combine this report with them. */
export const OTHER_CHATS_TOOLS: ReadonlySet<string> = new Set(['conversation_search', 'recent_chats']);

/** claude.ai's own Google connectors, by tool name. */
export const INTEGRATION_TOOLS: Readonly<Record<string, IntegrationSource>> = {
  google_drive_search: 'google_drive',
  google_drive_fetch: 'google_drive',
  search_gmail_messages: 'gmail',
  read_gmail_message: 'gmail',
  read_gmail_thread: 'gmail',
  read_gmail_profile: 'gmail',
  list_gcal_calendars: 'google_calendar',
  list_gcal_events: 'google_calendar',
  fetch_gcal_event: 'google_calendar',
  find_free_time: 'google_calendar',
};

/** Integration labels, in the order they are tried (so "Google Drive" is not read as calendar). */
const INTEGRATION_LABELS: ReadonlyArray<readonly [RegExp, IntegrationSource]> = [
  [/drive/, 'google_drive'],
  [/gmail/, 'gmail'],
  [/calendar|gcal/, 'google_calendar'],
  [/github/, 'github'],
];

export interface ToolIdentity {
  name: string | null;
  /** The API's `integration_name` (e.g. "File Creation", "Google Drive", an MCP server's name). */
  integrationName: string | null;
  /** The API's `tool_origin` (e.g. "first_party"), where given. */
  origin: string | null;
}

export type ToolKind = { builtin: true } | { builtin: false; source: IntegrationSource };

const letters = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');

export function classifyTool(tool: ToolIdentity): ToolKind {
  const name = tool.name ?? '';
  const label = tool.integrationName === null ? null : letters(tool.integrationName);
  if (OTHER_CHATS_TOOLS.has(name)) return { builtin: false, source: 'other_chats' };
  const known = INTEGRATION_TOOLS[name];
  if (known) return { builtin: false, source: known };
  if (label !== null && !BUILTIN_INTEGRATION_NAMES.has(label)) {
    const match = INTEGRATION_LABELS.find(([pattern]) => pattern.test(label));
    return { builtin: false, source: match ? match[1] : 'connector' };
  }
  const firstParty = tool.origin === null || tool.origin === 'first_party';
  if (BUILTIN_TOOLS.has(name) && firstParty) return { builtin: true };
  return { builtin: false, source: 'connector' };
}

/** A conversation's `sync_sources[].type`: always integration content, never kept. */
export function syncSourceKind(type: string | null): IntegrationSource {
  if (type === 'gdrive' || type === 'google_drive') return 'google_drive';
  if (type === 'github') return 'github';
  return 'connector';
}
