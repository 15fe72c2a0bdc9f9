// Every user-visible string exists in English and German with the same placeholders, and the
// names QA automation finds the UI by (PRODUCT.md) stay exactly as promised.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

interface Entry { message: string; placeholders?: Record<string, { content: string }> }
type Messages = Record<string, Entry>;

const load = (lang: string): Messages => JSON.parse(readFileSync(new URL(`../../public/_locales/${lang}/messages.json`, import.meta.url), 'utf8')) as Messages;
const locales = { en: load('en'), de: load('de') };

/** Placeholder names (lower case, as Chrome matches them) with their contents. */
const declared = (e: Entry) => Object.fromEntries(Object.entries(e.placeholders ?? {}).map(([k, v]) => [k.toLowerCase(), v.content]));
const used = (e: Entry) => [...new Set([...e.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase()))].sort();

describe('locale files', () => {
  it('define the same keys in English and German', () => {
    const en = Object.keys(locales.en).sort();
    const de = Object.keys(locales.de).sort();
    expect(en.filter((k) => !de.includes(k)), 'missing in de').toEqual([]);
    expect(de.filter((k) => !en.includes(k)), 'missing in en').toEqual([]);
  });

  for (const [lang, messages] of Object.entries(locales)) {
    it(`${lang}: every key is a valid message name with a non-empty message`, () => {
      for (const [key, entry] of Object.entries(messages)) {
        expect(key, key).toMatch(/^[A-Za-z0-9_]+$/);
        expect(entry.message.trim(), key).not.toBe('');
      }
    });

    it(`${lang}: every placeholder used is declared, and every declared one is used`, () => {
      for (const [key, entry] of Object.entries(messages)) {
        expect(used(entry), key).toEqual(Object.keys(declared(entry)).sort());
      }
    });
  }

  it('give each message the same placeholders in both languages', () => {
    for (const [key, entry] of Object.entries(locales.en)) {
      const de = locales.de[key];
      if (de) expect(declared(de), key).toEqual(declared(entry));
    }
  });

  it('name their own language, for the consent record', () => {
    expect(locales.en.localeCode?.message).toBe('en');
    expect(locales.de.localeCode?.message).toBe('de');
  });

  it('keep the accessible names of the QA automation contract', () => {
    const names = (lang: 'en' | 'de') => Object.fromEntries(
      ['helpful', 'notHelpful', 'dialogTitle', 'commentLabel', 'sendFeedback', 'cancel', 'endpointLabel', 'save']
        .map((k) => [k, locales[lang][k]?.message]),
    );
    expect(names('en')).toEqual({
      helpful: 'Helpful', notHelpful: 'Not helpful', dialogTitle: 'Share feedback', commentLabel: 'Comment',
      sendFeedback: 'Send feedback', cancel: 'Cancel', endpointLabel: 'Endpoint URL', save: 'Save',
    });
    expect(names('de')).toMatchObject({
      helpful: 'Hilfreich', notHelpful: 'Nicht hilfreich', dialogTitle: 'Feedback teilen', commentLabel: 'Kommentar',
      sendFeedback: 'Feedback senden', cancel: 'Abbrechen',
    });
    expect(locales.en.agreeLabel?.message).toContain('agree');
    expect(locales.de.agreeLabel?.message).toContain('stimm');
  });

  it('define every key the code looks up by name, in both languages', () => {
    // t('…'), tr('…'), getMessage('…'), __MSG_…__ and the keys lists of the content script's labels.
    const root = join(import.meta.dirname, '../..');
    const files = (dir: string): string[] => readdirSync(join(root, dir), { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));
    const used = new Set<string>();
    for (const file of [...files('src'), 'manifest.config.ts']) {
      const text = readFileSync(join(root, file), 'utf8');
      for (const m of text.matchAll(/\b(?:t|tr|getMessage)\('([A-Za-z0-9_]+)'/g)) used.add(m[1]!);
      for (const m of text.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)) used.add(m[1]!);
      for (const list of text.matchAll(/const KEYS = \[([^\]]*)\]/g)) for (const m of list[1]!.matchAll(/'([A-Za-z0-9_]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(100);
    for (const lang of ['en', 'de'] as const) expect([...used].filter((k) => !locales[lang][k]), `missing in ${lang}`).toEqual([]);
  });
});
