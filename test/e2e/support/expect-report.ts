// What every browser's end-to-end send must prove about the body that arrived: the visible
// branch complete and in order, what the user typed or pasted kept, integrations reduced to
// markers, and nothing that leads back to the account.
import { expect } from 'vitest';
import type { Received } from './servers';
import { Envelope } from '../../../src/shared/schema';
import { branchOf, type LookalikeChat } from './claude-lookalike';

export function expectVisibleBranchReport(received: Received, chat: LookalikeChat, leak: string, keep: string): Envelope['report'] {
  const { headers, body } = received;
  const { report } = Envelope.parse(body);
  expect(headers['idempotency-key']).toBe(report.id);
  // Read from the same-origin API with the page's cookies: complete, though the page shows four turns.
  expect(report.conversation.source).toBe('api');
  expect(report.conversation.matches_page).toBe(true);

  const branch = branchOf(chat);
  expect(report.conversation.turns.map((t) => t.role)).toEqual(branch.map((m) => (m.sender === 'human' ? 'user' : 'assistant')));
  const turnText = report.conversation.turns.map((t) => JSON.stringify(t.blocks));
  branch.forEach((m, i) => expect(turnText[i]).toContain(`T${String(m.index).padStart(2, '0')}`));
  expect(report.rated_turn).toBe(branch.length - 1);

  const json = JSON.stringify(body);
  expect(json).toContain(`PASTED-${keep}`); // pasted text stays
  expect(json).toContain('web_search'); // built-in tools stay
  expect(json).not.toContain(leak); // integration content, the other branch, identity: gone
  for (const id of [chat.orgId, chat.chatId, ...chat.messages.map((m) => m.uuid)]) expect(json).not.toContain(id);
  const markers = report.conversation.turns.flatMap((t) => t.blocks).filter((b) => b.kind === 'integration');
  expect(new Set(markers.map((b) => b.kind === 'integration' && b.source))).toEqual(new Set(['google_drive', 'github', 'connector']));
  expect(report.omissions.some((o) => o.kind === 'integration' && o.source === 'google_drive')).toBe(true);
  return report;
}
