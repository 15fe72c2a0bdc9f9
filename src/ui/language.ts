// The language shown. 'auto' follows the browser (browser.i18n); a language chosen in options
// is read from the extension's own messages file, because browser.i18n follows the browser only.
import browser from 'webextension-polyfill';
import { loadOptions, type Options } from '../shared/options';
import { setMessageSource, sourceOf, type MessageEntry, type MessageSource } from './i18n';

/** Locales the extension ships (public/_locales). */
export const SHIPPED_LOCALES = ['en', 'de'] as const;
export type ShippedLocale = (typeof SHIPPED_LOCALES)[number];

export const isShippedLocale = (value: string): value is ShippedLocale => (SHIPPED_LOCALES as readonly string[]).includes(value);

/** The messages of one shipped locale, read from the extension's own files. */
export async function loadMessageSource(locale: ShippedLocale): Promise<MessageSource> {
  const res = await fetch(browser.runtime.getURL(`_locales/${locale}/messages.json`));
  if (!res.ok) throw new Error(`messages for ${locale}: HTTP ${res.status}`);
  return sourceOf(await res.json() as Record<string, MessageEntry>);
}

/** Installs the chosen language for t(); 'auto' (or a file that cannot be read) leaves it to the browser. */
export async function applyLanguage(choice: Options['language']): Promise<void> {
  if (choice === 'auto') return setMessageSource(null);
  try {
    setMessageSource(await loadMessageSource(choice));
  } catch {
    setMessageSource(null);
  }
}

export async function applyStoredLanguage(): Promise<void> {
  await applyLanguage((await loadOptions()).language);
}
