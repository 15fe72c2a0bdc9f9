// Every user-visible string goes through t(). By default it asks browser.i18n, which follows the
// browser's language; a language chosen in options (issue 5) can install another source that
// reads the extension's own messages files and formats them with formatMessage.
import browser from 'webextension-polyfill';
import { formatMessage, type MessageEntry } from './format-message';

export { formatMessage, type MessageEntry };

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

/** A message source over one messages.json file, formatted as Chrome formats its own. */
export function sourceOf(messages: Record<string, MessageEntry>): MessageSource {
  return (key, subs) => {
    const entry = Object.hasOwn(messages, key) ? messages[key] : undefined;
    return entry ? formatMessage(entry, subs) : '';
  };
}

/** Looks a message up; t() is the one bound to the page's current source. */
export type Translate = (key: MessageKey, subs?: string | string[]) => string;

/** A translator over one source: the key itself when no file defines it, so a gap shows instead of a blank. */
export function translatorFor(from: () => MessageSource): Translate {
  return (key, subs = []) => from()(key, typeof subs === 'string' ? [subs] : subs) || key;
}

/** The message for `key` in the language shown. */
export const t: Translate = translatorFor(() => source);

/** The language of the text actually shown (each messages file names its own), for consent records. */
export function shownLocale(): string {
  return t('localeCode');
}
