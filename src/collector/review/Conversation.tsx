// A report's conversation, turn by turn. Text only: markup in a message (an <img onerror>,
// a <script>) is shown as the characters it is and never runs.
import type { Block, Turn } from '../../shared/schema';
import { TEXT } from './text';

function BlockView({ block }: { block: Block }) {
  switch (block.kind) {
    case 'text':
      return <p class="block-text">{block.text}</p>;
    case 'code':
      return <figure class="block"><figcaption>{`code${block.language ? ` (${block.language})` : ''}`}</figcaption><pre><code>{block.code}</code></pre></figure>;
    case 'thinking':
      return <figure class="block"><figcaption>thinking (as the page showed it)</figcaption><p class="block-text">{block.text}</p></figure>;
    case 'pasted':
      return <figure class="block"><figcaption>{`pasted${block.name ? `: ${block.name}` : ''}`}</figcaption><pre>{block.text}</pre></figure>;
    case 'file':
      return <p class="block-note">{`file: ${block.name} (${block.type ?? TEXT.unknown})`}</p>;
    case 'tool':
      return (
        <figure class="block">
          <figcaption>{`tool: ${block.name}`}</figcaption>
          {block.input !== null && <pre>{block.input}</pre>}
          {block.output !== null && <pre>{block.output}</pre>}
        </figure>
      );
    case 'integration':
      return <p class="block-note">{`integration content left out (${block.source})`}</p>;
  }
}

export function Conversation({ turns, ratedTurn }: { turns: Turn[]; ratedTurn: number | null }) {
  return (
    <ol class="conversation">
      {turns.map((turn, i) => (
        <li key={i} class={`turn turn-${turn.role}${i === ratedTurn ? ' turn-rated' : ''}`}>
          <p class="turn-role">{TEXT[turn.role]}{i === ratedTurn && <strong>{` · ${TEXT.ratedAnswer}`}</strong>}</p>
          {turn.blocks.map((block, j) => <BlockView key={j} block={block} />)}
        </li>
      ))}
    </ol>
  );
}
