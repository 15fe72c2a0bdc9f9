// The Helpful / Not helpful controls under one answer: a small host element with its own open
// shadow root (reachable by QA locators, unreachable by the page's styles). In trusted-tester
// mode they add a "Tester" badge, a Share conversation button and a status line with Undo.
import type { Rating } from '../shared/messages';

export const HOST_ATTRIBUTE = 'data-chat-feedback-controls';

const STYLE = `
:host { all: initial; display: block; margin: 6px 0 2px; font: 13px/1.2 system-ui, sans-serif; }
[role=group] { display: inline-flex; gap: 6px; align-items: center; }
button { all: unset; display: inline-flex; align-items: center; gap: 4px; padding: 3px 8px; border-radius: 999px;
  border: 1px solid #8884; color: inherit; cursor: pointer; color: #555; background: #fff8; }
button:hover { background: #8882; }
button:focus-visible { outline: 2px solid #2563eb; outline-offset: 1px; }
button[aria-pressed=true] { border-color: #2563eb; color: #1d4ed8; }
svg { width: 14px; height: 14px; fill: none; stroke: currentColor; stroke-width: 2; stroke-linecap: round; stroke-linejoin: round; }
@media (prefers-color-scheme: dark) { button { color: #ccc; background: #0003; } }
.badge { font-size: 11px; padding: 1px 6px; border-radius: 4px; background: #2563eb; color: #fff; }
.status { margin-left: 8px; }
`;
// A thumb outline; the Not helpful icon is the same path turned upside down.
const THUMB = 'M7 10v11M15 5.9 14 10h5.8a2 2 0 0 1 2 2.3l-1.4 7A2 2 0 0 1 18.4 21H7V10l4.3-7.5A2 2 0 0 1 15 5.9Z';
const SVG = 'http://www.w3.org/2000/svg';

// Built node by node, not through innerHTML: nothing here is ever parsed as markup.
function thumbIcon(flip: boolean): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  if (flip) svg.setAttribute('transform', 'rotate(180)');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', THUMB);
  svg.append(path);
  return svg;
}

export interface ControlsLabels {
  group: string;
  helpful: string;
  notHelpful: string;
  /** Present while trusted-tester mode is on. */
  tester?: { badge: string; badgeLabel: string; share: string };
}

/** rating null: Share conversation (tester mode only). */
export type OnRate = (rating: Rating | null, button: HTMLButtonElement) => void;

let sharedSheet: CSSStyleSheet | null | undefined;

/**
 * One constructed stylesheet shared by every control (Chrome); where a content script cannot
 * adopt one (Firefox's isolated world refuses it), each shadow root gets its own <style>.
 */
function adoptStyle(shadow: ShadowRoot): void {
  if (sharedSheet === undefined) {
    try {
      sharedSheet = new CSSStyleSheet();
      sharedSheet.replaceSync(STYLE);
    } catch {
      sharedSheet = null;
    }
  }
  if (sharedSheet) {
    try {
      shadow.adoptedStyleSheets = [sharedSheet];
      return;
    } catch {
      sharedSheet = null;
    }
  }
  const style = document.createElement('style');
  style.textContent = STYLE;
  shadow.append(style);
}

/** The controls' markup, built once per set of labels and cloned for every answer. */
const templates = new WeakMap<ControlsLabels, DocumentFragment>();

function template(labels: ControlsLabels): DocumentFragment {
  const cached = templates.get(labels);
  if (cached) return cached;
  const fragment = document.createDocumentFragment();
  const group = document.createElement('div');
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', labels.group);
  const make = (rating: Rating | 'share', label: string, flip: boolean) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.rating = rating;
    if (rating !== 'share') button.append(thumbIcon(flip));
    button.append(label);
    return button;
  };
  group.append(make('helpful', labels.helpful, false), make('not_helpful', labels.notHelpful, true));
  const { tester } = labels;
  if (tester) {
    const badge = document.createElement('span');
    badge.className = 'badge';
    badge.setAttribute('role', 'img');
    badge.setAttribute('aria-label', tester.badgeLabel);
    badge.textContent = tester.badge;
    const status = document.createElement('span');
    status.className = 'status';
    status.setAttribute('role', 'status');
    group.append(make('share', tester.share, false), badge, status);
  }
  fragment.append(group);
  templates.set(labels, fragment);
  return fragment;
}

export function createControls(labels: ControlsLabels, onRate: OnRate): HTMLElement {
  const host = document.createElement('div');
  host.setAttribute(HOST_ATTRIBUTE, '');
  const shadow = host.attachShadow({ mode: 'open' });
  // Cloning one prepared tree is far cheaper than building each control node by node, which
  // matters on a long chat where a re-render brings back hundreds of answers at once.
  adoptStyle(shadow);
  shadow.append(template(labels).cloneNode(true));
  // One listener per control; it sees the real target, as it sits inside the shadow root.
  shadow.addEventListener('click', (event) => {
    // Only a real user's click starts a report; a page script's synthetic click does nothing.
    if (!event.isTrusted) return;
    const button = (event.target as Element | null)?.closest?.('button[data-rating]');
    if (!(button instanceof HTMLButtonElement)) return;
    const rating = button.dataset.rating;
    onRate(rating === 'helpful' || rating === 'not_helpful' ? rating : null, button);
  });
  return host;
}

/**
 * Writes the tester status line of one set of controls, with an Undo button when `onUndo` is
 * given. Undo, like the thumbs, answers only a real user's click.
 */
export function showStatus(host: HTMLElement, text: string, undo?: { label: string; onUndo: () => void }): void {
  const status = host.shadowRoot?.querySelector('.status');
  if (!status) return;
  status.textContent = text;
  status.nextElementSibling?.remove();
  if (!undo) return;
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = undo.label;
  button.addEventListener('click', (event) => {
    if (event.isTrusted) undo.onUndo();
  });
  status.after(button);
}
