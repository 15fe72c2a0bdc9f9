// One turn of the preview. Chat content is rendered as text nodes only: markup in a message
// shows up literally and can never run or restyle the dialog.
import type { Block, Turn } from '../shared/schema';
import { t } from '../ui/i18n';
import { INTEGRATION_KEYS } from './labels';

function BlockView({ block }: { block: Block }) {
  switch (block.kind) {
    case 'text':
      return <p class="block-text">{block.text}</p>;
    case 'code':
      return (
        <figure class="block">
          <figcaption>{block.language ? t('blockCodeIn', block.language) : t('blockCode')}</figcaption>
          <pre><code>{block.code}</code></pre>
        </figure>
      );
    case 'thinking':
      return (
        <figure class="block">
          <figcaption>{t('blockThinking')}</figcaption>
          <p class="block-text">{block.text}</p>
        </figure>
      );
    case 'pasted':
      return (
        <figure class="block">
          <figcaption>{block.name ? t('blockPastedNamed', block.name) : t('blockPasted')}</figcaption>
          <pre>{block.text}</pre>
        </figure>
      );
    case 'file':
      return <p class="block-note">{t('blockFile', [block.name, block.type ?? t('unknown')])}</p>;
    case 'tool':
      return (
        <figure class="block">
          <figcaption>{t('blockTool', block.name)}</figcaption>
          {block.input !== null && <pre aria-label={t('blockToolInput')}>{block.input}</pre>}
          {block.output !== null && <pre aria-label={t('blockToolOutput')}>{block.output}</pre>}
        </figure>
      );
    case 'integration':
      return <p class="block-note left-out">{t('leftOut', t(INTEGRATION_KEYS[block.source]))}</p>;
  }
}

export function TurnView({ turn, rated }: { turn: Turn; rated: boolean }) {
  return (
    <li class={`turn turn-${turn.role}${rated ? ' turn-rated' : ''}`}>
      <p class="turn-role">
        {turn.role === 'user' ? t('roleUser') : t('roleAssistant')}
        {rated && <span class="rated-mark">{t('ratedAnswer')}</span>}
      </p>
      {turn.blocks.map((block, i) => <BlockView key={i} block={block} />)}
    </li>
  );
}
