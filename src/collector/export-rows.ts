// Export rows, pure. JSONL carries the report as stored (never the reporter contact);
// KTO rows follow TRL's conversational KTO format: prompt = the chat up to the rated answer,
// completion = the rated answer, label = true for Helpful.
import type { Block, AnyReport, Turn } from '../shared/schema';
import type { StoredReport } from './store';

export interface ChatMessage { role: 'system' | 'user' | 'assistant'; content: string }
export interface KtoRow { prompt: ChatMessage[]; completion: ChatMessage[]; label: boolean }

export function jsonlRow(stored: StoredReport): string {
  return JSON.stringify({ id: stored.id, received_at: stored.receivedAt.toISOString(), report: stored.report });
}

/** One block as the text a model would have seen in the chat (thinking is left out). */
export function blockText(block: Block): string | null {
  switch (block.kind) {
    case 'text': return block.text;
    case 'code': return `\`\`\`${block.language ?? ''}\n${block.code}\n\`\`\``;
    case 'thinking': return null;
    case 'pasted': return `[Pasted${block.name ? `: ${block.name}` : ''}]\n${block.text}`;
    case 'file': return `[File: ${block.name}]`;
    case 'tool': return [`[Tool: ${block.name}]`, block.input, block.output].filter((s) => s !== null).join('\n');
    case 'integration': return `[Integration content left out: ${block.source}]`;
  }
}

export function turnText(turn: Turn): string {
  return turn.blocks.map(blockText).filter((t): t is string => t !== null && t !== '').join('\n\n');
}

/** null for a conversation shared without a rating: it has no completion to label. */
export function ktoRow(report: AnyReport): KtoRow | null {
  if (report.rating === null || report.rated_turn === null) return null;
  const { turns, settings } = report.conversation;
  const rated = turns[report.rated_turn];
  if (!rated) throw new Error(`report ${report.id}: rated_turn outside the conversation`);
  // A custom style's instructions shaped the answer, so they stand as the system message.
  const system: ChatMessage[] = settings.style.instructions
    ? [{ role: 'system', content: settings.style.instructions }]
    : [];
  const prompt = turns.slice(0, report.rated_turn).map((t): ChatMessage => ({ role: t.role, content: turnText(t) }));
  return {
    prompt: [...system, ...prompt],
    completion: [{ role: 'assistant', content: turnText(rated) }],
    label: report.rating === 'helpful',
  };
}
