// Every user-visible string goes through t(). By default it asks browser.i18n, which follows the
// browser's language; a language chosen in options (issue 5) can install another source that
// reads the extension's own messages files and formats them with formatMessage below.
import browser from 'webextension-polyfill';

type EnMessages = typeof import('../../public/_locales/en/messages.json');
/** Every key the English messages file defines; the locales test keeps German in step. */
export type MessageKey = keyof EnMessages & string;

export interface MessageEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

export type MessageSource = (key: string, subs: string[]) => string;

/** Chrome's placeholder rules: $NAME$ → its declared content, then $1…$9 → substitutions, $$ → $. */
export function formatMessage(entry: MessageEntry, subs: string[]): string {
  const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
    const found = Object.entries(entry.placeholders ?? {}).find(([k]) => k.toLowerCase() === name.toLowerCase());
    return found ? found[1].content : whole;
  });
  return named.replace(/\$(\$|[1-9])/g, (_, d: string) => (d === '$' ? '$' : subs[Number(d) - 1] ?? ''));
}

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
