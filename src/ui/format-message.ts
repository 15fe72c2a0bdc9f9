// Chrome's message formatting, for messages read from the extension's own files (a language
// chosen in options, and tests). Kept apart from i18n.ts so it needs no browser API.
export interface MessageEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

/** Chrome's placeholder rules: $NAME$ → its declared content, then $1…$9 → substitutions, $$ → $. */
export function formatMessage(entry: MessageEntry, subs: string[]): string {
  const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
    const found = Object.entries(entry.placeholders ?? {}).find(([k]) => k.toLowerCase() === name.toLowerCase());
    return found ? found[1].content : whole;
  });
  return named.replace(/\$(\$|[1-9])/g, (_, d: string) => (d === '$' ? '$' : subs[Number(d) - 1] ?? ''));
}
