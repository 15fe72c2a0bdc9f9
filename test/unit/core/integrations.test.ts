// The explicit list that keeps built-in tools and leaves integration content out.
import { describe, expect, it } from 'vitest';
import { classifyTool, syncSourceKind, type ToolIdentity } from '../../../src/core/integrations';
import { INTEGRATION_SOURCES } from '../../../src/shared/schema';

const tool = (name: string | null, integrationName: string | null = null, origin: string | null = null): ToolIdentity =>
  ({ name, integrationName, origin });

describe('classifyTool', () => {
  it.each([
    // Built-in, as claude.ai labels them (the real 2026-09 response: "File Creation", first_party).
    [tool('create_file', 'File Creation', 'first_party')],
    [tool('bash_tool', 'File Creation', 'first_party')],
    [tool('present_files', 'File Creation', 'first_party')],
    [tool('str_replace', 'File Creation')],
    [tool('view', 'File Creation')],
    [tool('web_search', 'Web Search')],
    [tool('web_fetch')],
    [tool('repl')],
    [tool('analysis', 'Analysis Tool')],
    [tool('code_execution')],
    [tool('artifacts')],
  ])('keeps built-in %o', (identity) => {
    expect(classifyTool(identity)).toEqual({ builtin: true });
  });

  it.each([
    [tool('google_drive_search', 'Google Drive'), 'google_drive'],
    [tool('google_drive_fetch'), 'google_drive'],
    [tool('search_gmail_messages'), 'gmail'],
    [tool('read_gmail_thread', 'Gmail'), 'gmail'],
    [tool('list_gcal_events'), 'google_calendar'],
    [tool('find_free_time', 'Google Calendar'), 'google_calendar'],
    [tool('search_code', 'GitHub', 'mcp'), 'github'],
    [tool('conversation_search'), 'other_chats'],
    [tool('recent_chats', 'Past chats'), 'other_chats'],
    // Connectors and MCP servers, even when a tool borrows a built-in's name.
    [tool('search_issues', 'Linear', 'mcp'), 'connector'],
    [tool('create_file', 'My Filesystem Server', 'mcp'), 'connector'],
    [tool('web_search', null, 'third_party'), 'connector'],
    // Unknown tools are left out.
    [tool('launch_extended_search_task'), 'connector'],
    [tool('memory_user_edits'), 'connector'],
    [tool(null), 'connector'],
  ] as const)('leaves out %o as %s', (identity, source) => {
    expect(classifyTool(identity)).toEqual({ builtin: false, source });
  });

  it('only ever names a schema integration source', () => {
    const names = ['x', 'google_drive_search', 'conversation_search', 'read_gmail_profile', 'fetch_gcal_event'];
    for (const name of names) {
      const kind = classifyTool(tool(name, 'Something'));
      expect(kind.builtin === false && INTEGRATION_SOURCES.includes(kind.source)).toBe(true);
    }
  });
});

describe('syncSourceKind', () => {
  it.each([
    ['gdrive', 'google_drive'], ['google_drive', 'google_drive'], ['github', 'github'],
    ['notion', 'connector'], [null, 'connector'],
  ] as const)('%s -> %s', (type, source) => {
    expect(syncSourceKind(type)).toBe(source);
  });
});
