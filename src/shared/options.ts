// The one options module every context imports: defaults, migration, load and save.
// Kept free of zod so the content script stays small; values are normalised by hand.
import browser from 'webextension-polyfill';
import { SITE_IDS, type SiteId } from './constants';

export const DEFAULT_ENDPOINT = 'http://127.0.0.1:8787/v1/feedback';
export const OPTIONS_VERSION = 1;

export interface Options {
  version: number;
  endpoint: string;
  /** Optional bearer token for the endpoint. */
  token: string;
  sites: Record<SiteId, boolean>;
  /** 'auto' follows the browser; otherwise a locale the extension ships. */
  language: 'auto' | 'en' | 'de';
  trustedTester: boolean;
  /**
   * A contact the user chose to give for follow-up questions (e.g. an e-mail). It travels only
   * in the envelope's `reporter` part, never inside a report; empty means none.
   */
  reporterContact: string;
}

/** The envelope's limit (schema Reporter.contact). */
export const MAX_CONTACT = 320;

export const DEFAULT_OPTIONS: Options = {
  version: OPTIONS_VERSION,
  endpoint: DEFAULT_ENDPOINT,
  token: '',
  sites: { 'claude.ai': true, demo: true },
  language: 'auto',
  trustedTester: false,
  reporterContact: '',
};

const KEY = 'options';

/** Brings stored options of any earlier shape up to the current one; unknown values fall back to defaults. */
export function migrateOptions(stored: unknown): Options {
  const s = (stored && typeof stored === 'object' ? stored : {}) as Record<string, unknown>;
  const sites = { ...DEFAULT_OPTIONS.sites };
  const storedSites = (s.sites && typeof s.sites === 'object' ? s.sites : {}) as Record<string, unknown>;
  for (const id of SITE_IDS) if (typeof storedSites[id] === 'boolean') sites[id] = storedSites[id];
  return {
    version: OPTIONS_VERSION,
    endpoint: typeof s.endpoint === 'string' && s.endpoint ? s.endpoint : DEFAULT_OPTIONS.endpoint,
    token: typeof s.token === 'string' ? s.token : '',
    sites,
    language: s.language === 'en' || s.language === 'de' ? s.language : 'auto',
    trustedTester: s.trustedTester === true,
    reporterContact: typeof s.reporterContact === 'string' ? s.reporterContact.trim().slice(0, MAX_CONTACT) : '',
  };
}

export async function loadOptions(): Promise<Options> {
  const got = await browser.storage.local.get(KEY);
  return migrateOptions(got[KEY]);
}

export async function saveOptions(patch: Partial<Options>): Promise<Options> {
  const next = migrateOptions({ ...(await loadOptions()), ...patch });
  await browser.storage.local.set({ [KEY]: next });
  return next;
}

export const OPTIONS_STORAGE_KEY = KEY;
