// The conversation API reader: the visible branch, blocks, settings; on real responses and on
// a trimmed one with integrations, attachments and two branches.
import { describe, expect, it } from 'vitest';
import { readApiConversation, type ApiConversation } from '../../../src/sites/claude-ai-api';
import { fixtureJson } from './load-page';

function read(json: unknown): ApiConversation {
  const conversation = readApiConversation(json);
  if (!conversation) throw new Error('not read');
  return conversation;
}

const ROOT = '00000000-0000-4000-8000-000000000000';
const message = (uuid: string, parent: string, sender: string, text: string) => ({
  uuid, parent_message_uuid: parent, sender, content: [{ type: 'text', text }],
});

describe('the trimmed conversation with integrations', () => {
  const conversation = read(fixtureJson('api-integrations.json'));

  it('follows the branch the user sees, from the current leaf up, and nothing of the other branch', () => {
    expect(conversation.turns.map((t) => t.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
    expect(conversation.turns[2]?.blocks).toEqual([{ kind: 'text', text: 'Make it shorter, in two bullets, and check the script runs.' }]);
    expect(JSON.stringify(conversation)).not.toContain('OLD-BRANCH');
  });

  it('keeps pasted text and upload names (once each), and marks synced sources by kind only', () => {
    expect(conversation.turns[0]?.blocks).toEqual([
      { kind: 'pasted', name: 'paste.txt', text: 'PASTED-KEEP-e91c\n2025-10-01 ERROR cache stale at line 42' },
      { kind: 'file', name: 'whiteboard-upload.png', type: 'image' },
      { kind: 'file', name: 'spec-upload.pdf', type: 'document' },
      { kind: 'integration', source: 'google_drive' },
      { kind: 'integration', source: 'github' },
      { kind: 'text', text: 'Summarise my design doc and compare it with the repo. My name is Sample.' },
    ]);
  });

  it('keeps thinking summaries, built-in tools with input and output; marks integrations; splits code', () => {
    expect(conversation.turns[1]?.blocks).toEqual([
      { kind: 'thinking', text: 'Planning the comparison\nChecking the repository layout' },
      { kind: 'integration', source: 'google_drive' },
      { kind: 'tool', name: 'web_search', input: '{\n  "query": "public cache invalidation guidance"\n}',
        output: 'Cache invalidation basics\nhttps://example.org/cache' },
      { kind: 'integration', source: 'connector' },
      { kind: 'integration', source: 'other_chats' },
      { kind: 'text', text: 'The doc and the repo agree on the cache layer.' },
      { kind: 'code', language: 'python', code: "print('cache ok')" },
      { kind: 'text', text: 'One gap: the retry policy.' },
    ]);
    expect(conversation.turns[3]?.blocks[0]).toEqual({ kind: 'tool', name: 'bash_tool',
      input: '{\n  "command": "python3 check.py",\n  "description": "Run the check"\n}',
      output: '{"returncode":0,"stdout":"cache ok\\n","stderr":""}' });
  });

  it('counts what it leaves out without a marker: hidden thinking, unknown block kinds', () => {
    expect(conversation.omissions).toEqual([
      { kind: 'hidden_thinking', source: null, count: 1 },
      { kind: 'unreadable', source: null, count: 1 },
    ]);
  });

  it('maps settings through the allowlist only', () => {
    expect(conversation.settings).toEqual({
      model: 'claude-sonnet-4-5-20250929',
      style: { name: null, instructions: null },
      features: {
        web_search: true, extended_thinking: true, research: false, artifacts: true, code_execution: true,
        memory: 'enabled', google_drive: true, gmail: false, google_calendar: true,
      },
    });
  });

  it('copies no identity, title, uuid or integration content', () => {
    const json = JSON.stringify(conversation);
    expect(json).not.toMatch(/CANARY|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}/);
    expect(json).not.toContain('toolu_');
  });
});

describe('real responses', () => {
  it('2026-09: file-creation tools are built-in, kept with input and output, in order', () => {
    const { turns, settings } = read(fixtureJson('real/api-2026-09-tool-blocks.json'));
    expect(turns).toHaveLength(2);
    const blocks = turns[1]?.blocks ?? [];
    expect(blocks.map((b) => (b.kind === 'tool' ? b.name : b.kind)))
      .toEqual(['create_file', 'bash_tool', 'present_files', 'text', 'code', 'text']);
    expect(blocks[0]).toMatchObject({ kind: 'tool', output: 'File created successfully: /mnt/user-data/outputs/test.js' });
    expect(blocks[1]).toMatchObject({ output: '{"returncode":0,"stdout":"5\\n","stderr":""}' });
    expect(blocks[2]).toMatchObject({ output: expect.stringMatching(/^\[local_resource\]\nThe file cards appear/) });
    expect(blocks[4]).toEqual({ kind: 'code', language: 'js', code: 'function add(a, b) {\n  return a + b;\n}\n\nconsole.log(add(2, 3));' });
    expect(settings).toEqual({
      model: 'claude-sonnet-5',
      style: { name: null, instructions: null },
      features: { web_search: true, extended_thinking: 'auto', artifacts: true, code_execution: true, memory: 'enabled', effort: 'low' },
    });
  });

  it('2025-03: six text turns on the leaf\'s branch; no model recorded as null', () => {
    const { turns, settings, omissions } = read(fixtureJson('real/api-2025-03-files.json'));
    expect(turns.map((t) => t.role)).toEqual(['user', 'assistant', 'user', 'assistant', 'user', 'assistant']);
    expect(turns[2]?.blocks).toEqual([{ kind: 'text', text: 'hi' }]);
    expect(settings.model).toBeNull();
    expect(settings.features).toEqual({ artifacts: true });
    expect(omissions).toEqual([]);
  });
});

describe('shapes it refuses (the caller then falls back to the page)', () => {
  it.each([
    ['null', null],
    ['a string', 'error'],
    ['an array', []],
    ['an API error', { type: 'error', error: { type: 'not_found_error', message: 'Not found' } }],
    ['no leaf', { chat_messages: [message('a', ROOT, 'human', 'hi')] }],
    ['a leaf not among the messages', { current_leaf_message_uuid: 'zzz', chat_messages: [message('a', ROOT, 'human', 'hi')] }],
    ['a broken chain', { current_leaf_message_uuid: 'b', chat_messages: [
      { uuid: 'a', parent_message_uuid: ROOT, sender: 'system', content: [] }, message('b', 'a', 'assistant', 'yes')] }],
  ])('%s', (_, json) => {
    expect(readApiConversation(json)).toBeNull();
  });

  it('refuses a cycle (malformed: no root) instead of looping', () => {
    const json = { current_leaf_message_uuid: 'b', chat_messages: [message('a', 'b', 'human', 'q'), message('b', 'a', 'assistant', 'r')] };
    expect(readApiConversation(json)).toBeNull();
  });
});

describe('older and odd messages', () => {
  it('reads a message that has only the legacy `text` field', () => {
    const json = { current_leaf_message_uuid: 'b', chat_messages: [
      message('a', ROOT, 'human', 'q'),
      { uuid: 'b', parent_message_uuid: 'a', sender: 'assistant', text: 'Old style\n```\nx = 1\n```' }] };
    expect(read(json).turns[1]?.blocks).toEqual([
      { kind: 'text', text: 'Old style' }, { kind: 'code', language: null, code: 'x = 1' }]);
  });

  it('judges a tool result without its call on its own, and an attachment without text as a file', () => {
    const json = { current_leaf_message_uuid: 'b', chat_messages: [
      { ...message('a', ROOT, 'human', 'q'), attachments: [{ file_name: 'scan.pdf', file_type: 'application/pdf' }] },
      { uuid: 'b', parent_message_uuid: 'a', sender: 'assistant', content: [
        { type: 'tool_result', tool_use_id: 'x', name: 'web_fetch', content: 'page text' },
        { type: 'tool_result', tool_use_id: 'y', name: 'read_gmail_thread', content: [{ type: 'text', text: 'mail' }] },
        { type: 'thinking', thinking: 'hmm' },
      ] }] };
    const { turns, omissions } = read(json);
    expect(turns[0]?.blocks[0]).toEqual({ kind: 'file', name: 'scan.pdf', type: 'application/pdf' });
    expect(turns[1]?.blocks).toEqual([
      { kind: 'tool', name: 'web_fetch', input: null, output: 'page text' },
      { kind: 'integration', source: 'gmail' },
    ]);
    expect(omissions).toEqual([{ kind: 'hidden_thinking', source: null, count: 1 }]);
  });
});
