// The Helpful / Not helpful controls under one answer: a small host element with its own open
// shadow root (reachable by QA locators, unreachable by the page's styles).
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
}

export function createControls(labels: ControlsLabels, onRate: (rating: Rating, button: HTMLButtonElement) => void): HTMLElement {
  const host = document.createElement('div');
  host.setAttribute(HOST_ATTRIBUTE, '');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = STYLE;
  const group = document.createElement('div');
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', labels.group);
  const make = (rating: Rating, label: string, flip: boolean) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.append(thumbIcon(flip), label);
    button.addEventListener('click', (event) => {
      // Only a real user's click starts a report; a page script's synthetic click does nothing.
      if (!event.isTrusted) return;
      onRate(rating, button);
    });
    return button;
  };
  group.append(make('helpful', labels.helpful, false), make('not_helpful', labels.notHelpful, true));
  shadow.append(style, group);
  return host;
}
