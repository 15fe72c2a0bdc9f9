// The modal box over a transparent frame: its own backdrop, role="dialog" named by its heading,
// focus kept inside, Escape closes. The heading takes focus first so a screen reader starts at the top.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useModalKeys } from '../ui/use-modal-keys';

interface Props {
  title: string;
  onClose: () => void;
  children: ComponentChildren;
}

export function Modal({ title, onClose, children }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useModalKeys(box, onClose);
  useEffect(() => {
    // The frame must hold focus for Escape and Tab to reach this page.
    window.focus();
    heading.current?.focus();
  }, []);
  return (
    <div class="backdrop">
      <div class="modal" role="dialog" aria-modal="true" aria-labelledby="dialog-title" ref={box}>
        <h1 id="dialog-title" tabIndex={-1} ref={heading}>{title}</h1>
        {children}
      </div>
    </div>
  );
}
