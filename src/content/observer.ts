// Observe, don't poll: reports each answer once it exists and has finished streaming, looking
// only at what a mutation added or the streaming attribute that changed. Aborting the signal
// disconnects the observer.
import type { SiteAdapter } from '../sites/types';

export interface AnswerWatch {
  /** A finished answer appeared (or its controls were removed by a re-render). */
  onAnswer(answer: Element): void;
  /** Called on every mutation batch; the content script checks for navigation here. */
  onMutations?(): void;
  /** Our own host elements, so their removal by the page can be noticed. */
  isOwnHost(node: Node): boolean;
}

export function observeAnswers(root: Element, adapter: SiteAdapter, watch: AnswerWatch, signal: AbortSignal): void {
  const { answerSelector } = adapter;
  const consider = (el: Element) => {
    if (adapter.isFinished(el)) watch.onAnswer(el);
  };
  const scan = (node: Node) => {
    if (!(node instanceof Element)) return;
    if (node.matches(answerSelector)) consider(node);
    for (const el of node.querySelectorAll(answerSelector)) consider(el);
  };

  const observer = new MutationObserver((records) => {
    watch.onMutations?.();
    if (signal.aborted) return;
    for (const record of records) {
      if (record.type === 'attributes') {
        if (record.target instanceof Element && record.target.matches(answerSelector)) consider(record.target);
        continue;
      }
      for (const node of record.addedNodes) scan(node);
      // A re-render that dropped our controls: the answer it belonged to is the record's target's answer.
      for (const node of record.removedNodes) {
        if (!watch.isOwnHost(node)) continue;
        const answer = record.target instanceof Element ? record.target.closest(answerSelector) : null;
        if (answer?.isConnected) consider(answer);
      }
    }
  });
  observer.observe(root, {
    childList: true,
    subtree: true,
    ...(adapter.streamingAttribute ? { attributes: true, attributeFilter: [adapter.streamingAttribute] } : {}),
  });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  scan(root);
}
