// Keyboard rules of a modal: Escape closes it, and Tab / Shift+Tab wrap around inside it, so
// focus never leaves for the page underneath (the dialog frame sits over a chat page).
import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

const FOCUSABLE = [
  'a[href]', 'button:not([disabled])', 'input:not([disabled])', 'select:not([disabled])',
  'textarea:not([disabled])', 'summary', '[tabindex]:not([tabindex="-1"])',
].join(',');

function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => {
    if (el.closest('[hidden]')) return false;
    const details = el.closest('details');
    // Inside a closed <details> only its summary can take focus.
    return !details || details.open || el.tagName === 'SUMMARY';
  });
}

export function useModalKeys(root: RefObject<HTMLElement | null>, onEscape: () => void): void {
  // The latest callback, without re-adding the listener on every render.
  const escape = useRef(onEscape);
  escape.current = onEscape;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        escape.current();
        return;
      }
      const box = root.current;
      if (e.key !== 'Tab' || !box) return;
      const items = focusables(box);
      const first = items[0];
      const last = items[items.length - 1];
      if (!first || !last) return e.preventDefault();
      const active = document.activeElement;
      const inside = active instanceof HTMLElement && box.contains(active);
      if (e.shiftKey && (active === first || !inside)) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && (active === last || !inside)) {
        e.preventDefault();
        first.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [root]);
}
