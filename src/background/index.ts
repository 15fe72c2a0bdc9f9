// Service worker (Chrome) / event page (Firefox): wires runtime messages to the messenger.
import browser, { type Runtime } from 'webextension-polyfill';
import { handleMessage } from './messenger';

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => handleMessage(message, sender));
