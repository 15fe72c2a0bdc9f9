// The content script's few labels. browser.i18n follows the browser's language only; a language
// chosen in options comes from the background, which can read the extension's messages files.
import browser from 'webextension-polyfill';
import type { ContentToBackground } from '../shared/messages';
import type { Options } from '../shared/options';
import type { MessageKey } from '../ui/i18n';

const KEYS = [
  'controlsGroup', 'helpful', 'notHelpful', 'dialogFrameTitle', 'testerBadge', 'testerBadgeLabel', 'shareConversation',
  'quickPending', 'undo', 'quickUndone', 'sending', 'sentHeading', 'queuedHeading', 'quickFailed', 'quickUnreadable',
] as const satisfies readonly MessageKey[];
export type Labels = Record<(typeof KEYS)[number], string>;

export async function loadLabels(language: Options['language']): Promise<Labels> {
  const labels = Object.fromEntries(KEYS.map((k) => [k, browser.i18n.getMessage(k)])) as Labels;
  if (language === 'auto') return labels;
  try {
    const ask: ContentToBackground = { type: 'messages:get', keys: [...KEYS] };
    const got = (await browser.runtime.sendMessage(ask) ?? {}) as Record<string, unknown>;
    for (const k of KEYS) if (typeof got[k] === 'string' && got[k]) labels[k] = got[k];
  } catch {
    // The background did not answer: the browser's language is still readable.
  }
  return labels;
}
