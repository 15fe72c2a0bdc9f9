// The report's `client` part: which build of the extension sent it, nothing that identifies the install.
import browser from 'webextension-polyfill';
import type { Report } from '../shared/schema';

export function clientInfo(): Report['client'] {
  const firefox = browser.runtime.getURL('').startsWith('moz-extension:');
  return { extension_version: browser.runtime.getManifest().version, browser: firefox ? 'firefox' : 'chrome' };
}
