// Service worker (Chrome) / event page (Firefox): wires runtime messages to the messenger and
// keeps the outbox moving. Listeners are registered synchronously, as MV3 requires.
import browser, { type Runtime } from 'webextension-polyfill';
import { handleMessage } from './messenger';
import { OUTBOX_ALARM, announceChange, resumeFor, sendDue } from './delivery';
import { watchPermissions } from './permissions';

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => handleMessage(message, sender));

browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === OUTBOX_ALARM) void sendDue();
});

// Delivery to an endpoint pauses while its host permission is missing and resumes when it is back.
watchPermissions({ onAdded: (origins) => void resumeFor(origins), onRemoved: announceChange });

// First run: the options page opens with a short onboarding (endpoint, consent).
browser.runtime.onInstalled.addListener(({ reason }) => {
  if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('src/options/index.html#welcome') });
});

// Every start (install, browser start, or a worker woken for any event): resume what is due.
void sendDue();
