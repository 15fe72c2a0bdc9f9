// The background's one entry for runtime messages: check the sender, parse the message with
// its direction's schema, then act. Anything else is refused without side effects.
import browser, { type Runtime } from 'webextension-polyfill';
import { ContentToBackground, DialogToBackground, draftKey, type BackgroundToContent } from '../shared/messages';
import { loadOptions } from '../shared/options';
import { originPattern } from '../shared/endpoint';
import { classifySender } from './sender';
import { sendEnvelope } from './send';

export type Refusal = { ok: false; error: 'refused'; why: string };
const refuse = (why: string): Refusal => ({ ok: false, error: 'refused', why });

export async function handleMessage(raw: unknown, sender: Runtime.MessageSender): Promise<unknown> {
  const from = classifySender(sender, browser.runtime.id, browser.runtime.getURL(''));
  if (from.kind === 'refused') return refuse(from.why);

  if (from.kind === 'content') {
    const msg = ContentToBackground.safeParse(raw);
    if (!msg.success) return refuse('invalid message');
    const options = await loadOptions();
    if (!options.sites[from.site] || msg.data.draft.site !== from.site) return refuse('site not enabled');
    await browser.storage.session.set({ [draftKey(msg.data.id)]: msg.data.draft });
    return { ok: true };
  }

  const msg = DialogToBackground.safeParse(raw);
  if (!msg.success) return refuse('invalid message');
  switch (msg.data.type) {
    case 'report:send': {
      const options = await loadOptions();
      if (msg.data.endpoint !== options.endpoint) return { ok: false, error: 'endpoint_changed' };
      return sendEnvelope(msg.data.envelope, options, {
        fetch: (...args) => fetch(...args),
        hasPermission: (url) => browser.permissions.contains({ origins: [originPattern(url)] }),
      });
    }
    case 'dialog:close': {
      if (from.tabId === null) return refuse('not in a tab');
      const close: BackgroundToContent = { type: 'frame:close' };
      await browser.tabs.sendMessage(from.tabId, close, { frameId: 0 });
      return { ok: true };
    }
  }
}
