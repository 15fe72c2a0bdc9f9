// Every user-visible string goes through t(). By default it asks browser.i18n, which follows the
// browser's language; a language chosen in options (issue 5) can install another source that
// reads the extension's own messages files and formats them with formatMessage.
import browser from 'webextension-polyfill';

export { formatMessage, type MessageEntry } from './format-message';

type EnMessages = typeof import('../../public/_locales/en/messages.json');
/** Every key the English messages file defines; the locales test keeps German in step. */
export type MessageKey = keyof EnMessages & string;

/** Looks up one message with its substitutions; '' when the key is unknown. */
export type MessageSource = (key: string, subs: string[]) => string;

const browserSource: MessageSource = (key, subs) => browser.i18n.getMessage(key, subs);
let source: MessageSource = browserSource;

/** Replaces where messages come from (null restores the browser's choice). */
export function setMessageSource(next: MessageSource | null): void {
  source = next ?? browserSource;
}

/** The message for `key`; the key itself when no file defines it, so a gap shows instead of a blank. */
export function t(key: MessageKey, subs: string | string[] = []): string {
  const list = typeof subs === 'string' ? [subs] : subs;
  return source(key, list) || key;
}

/** The language of the text actually shown (each messages file names its own), for consent records. */
export function shownLocale(): string {
  return t('localeCode');
}
