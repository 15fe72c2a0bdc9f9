// The manifest's single source. `browser` picks the Chrome or Firefox flavour of the same
// extension; everything else is shared so the two builds cannot drift apart.
import { defineManifest } from '@crxjs/vite-plugin';
import pkg from './package.json' with { type: 'json' };
import { SITES } from './src/shared/sites';

export type Browser = 'chrome' | 'firefox';

/** The add-on's id on addons.mozilla.org; it also keys its storage, so it never changes. */
export const GECKO_ID = 'chat-feedback-capture@example.org';

const siteMatches = Object.values(SITES).flatMap((s) => s.matches);
// Web-accessible resources take origins only (Chrome refuses a path other than /*).
const siteOrigins = [...new Set(siteMatches.map((m) => m.replace(/^(\w+:\/\/[^/]+)\/.*$/, '$1/*')))];

const BACKGROUND = 'src/background/index.ts';

// Chrome runs the background as a service worker; Firefox runs it as an event page
// (background.scripts), declares its id, and names the data that leaves the browser.
const flavour = (browser: Browser) => browser === 'firefox'
  ? {
    background: { scripts: [BACKGROUND], type: 'module' as const },
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        // 140 is the first ESR that reads data_collection_permissions.
        strict_min_version: '140.0',
        // A report carries the conversation (website content) and what the user wrote in it
        // (personal communications), sent to the endpoint the user configured.
        data_collection_permissions: { required: ['websiteContent' as const, 'personalCommunications' as const] },
      },
      // Firefox for Android reads data_collection_permissions from 142 on.
      gecko_android: { strict_min_version: '142.0' },
    },
  }
  : {
    background: { service_worker: BACKGROUND, type: 'module' as const },
    minimum_chrome_version: '120',
  };

export const manifestFor = (browser: Browser) => defineManifest({
  manifest_version: 3,
  name: '__MSG_extName__',
  description: '__MSG_extDescription__',
  version: pkg.version,
  default_locale: 'en',
  icons: { 16: 'icons/icon-16.png', 48: 'icons/icon-48.png', 128: 'icons/icon-128.png' },
  permissions: ['storage', 'alarms'],
  action: { default_popup: 'src/popup/index.html', default_title: '__MSG_extName__' },
  // Loopback is where the reference collector runs: no prompt needed for it. Any other
  // (https) endpoint is asked for, origin by origin, when the user saves it.
  host_permissions: ['https://claude.ai/*', 'http://127.0.0.1/*', 'http://localhost/*'],
  optional_host_permissions: ['https://*/*'],
  content_scripts: [{ matches: siteMatches, js: ['src/content/index.ts'], run_at: 'document_idle' }],
  options_ui: { page: 'src/options/index.html', open_in_tab: true },
  web_accessible_resources: [{ resources: ['src/dialog/index.html'], matches: siteOrigins }],
  ...flavour(browser),
});
