// The background's delivery loop: one outbox per worker, opened lazily, with an alarm that
// wakes the worker when the next attempt is due. Alarms can be lost on browser restart, so the
// alarm is re-created at every start, and every start also sends what is due — including a
// report a stopped worker left mid-request.
import browser from 'webextension-polyfill';
import { originPattern } from '../shared/endpoint';
import { createOutbox, type Outbox } from './outbox/outbox';
import { createPost } from './outbox/http';
import { openOutboxStore } from './outbox/store';
import type { OutboxItem } from './outbox/types';
import { coversEndpoint, heldEndpoints } from './permissions';

export const OUTBOX_ALARM = 'outbox-retry';

let outbox: Promise<Outbox> | null = null;

export function getOutbox(): Promise<Outbox> {
  outbox ??= openOutboxStore().then((store) => createOutbox({
    store,
    post: createPost({
      fetch: (...args) => fetch(...args),
      hasPermission: (url) => browser.permissions.contains({ origins: [originPattern(url)] }),
    }),
    now: Date.now,
  }));
  return outbox;
}

/** Items whose endpoint lost its host permission: they wait for permissions.onAdded, not for a time. */
async function heldItems(outbox: Outbox): Promise<(item: OutboxItem) => boolean> {
  const held = await heldEndpoints((await outbox.list()).map((item) => item.endpoint));
  return (item) => held.has(item.endpoint);
}

/** Sets (or clears) the one alarm at the soonest time an outbox item is due. */
export async function scheduleWake(): Promise<void> {
  const box = await getOutbox();
  const next = await box.nextWakeAt(await heldItems(box));
  if (next === null) {
    await browser.alarms.clear(OUTBOX_ALARM);
    return;
  }
  await browser.alarms.create(OUTBOX_ALARM, { when: Math.max(next, Date.now() + 1_000) });
}

/** Tells open extension pages (popup, history) to re-read; nobody listening is fine. */
export function announceChange(): void {
  browser.runtime.sendMessage({ type: 'outbox:changed' }).catch(() => {});
}

let running: Promise<void> | null = null;

/** Sends everything due, then schedules the next wake. Calls while a run is under way join it. */
export function sendDue(): Promise<void> {
  running ??= (async () => {
    try {
      const box = await getOutbox();
      const results = await box.sendDue(await heldItems(box));
      if (results.length) announceChange();
    } finally {
      running = null;
      await scheduleWake();
    }
  })();
  return running;
}

/**
 * A host permission came back: reports held for it go now, and those an attempt had marked
 * failed for want of it (it was revoked mid-attempt) are queued again.
 */
export async function resumeFor(origins: string[]): Promise<void> {
  const box = await getOutbox();
  for (const item of await box.list()) {
    if (item.state === 'failed' && item.lastError === 'permission_missing' && coversEndpoint(origins, item.endpoint)) await box.retryNow(item.id);
  }
  announceChange();
  await sendDue();
}
