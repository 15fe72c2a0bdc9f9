// Service worker (Chrome) / event page (Firefox): wires runtime messages to the messenger and
// keeps the outbox moving. Listeners are registered synchronously, as MV3 requires.
import browser, { type Runtime } from 'webextension-polyfill';
import { handleMessage } from './messenger';
import { OUTBOX_ALARM, sendDue } from './delivery';

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => handleMessage(message, sender));

browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === OUTBOX_ALARM) void sendDue();
});

// Every start (install, browser start, or a worker woken for any event): resume what is due.
void sendDue();
