// Who sent a runtime message. The background acts only for this extension's own pages
// (the dialog, options) and for content scripts in tabs of a supported, enabled site.
import type { Runtime } from 'webextension-polyfill';
import type { SiteId } from '../shared/schema';
import { SITES } from '../shared/sites';

export type SenderKind =
  | { kind: 'extension-page'; tabId: number | null }
  | { kind: 'content'; site: SiteId; tabId: number; frameId: number }
  | { kind: 'refused'; why: string };

/** Chrome/Firefox match patterns, as far as the manifest uses them: scheme://host/path-glob, any port. */
export function matchesPattern(pattern: string, url: URL): boolean {
  const m = /^(\w+):\/\/([^/]+)(\/.*)$/.exec(pattern);
  if (!m) return false;
  const [, scheme, host, path] = m as unknown as [string, string, string, string];
  if (`${scheme}:` !== url.protocol || host !== url.hostname) return false;
  const glob = new RegExp(`^${path.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return glob.test(url.pathname + url.search);
}

export function siteOf(url: URL): SiteId | null {
  for (const [id, site] of Object.entries(SITES) as [SiteId, (typeof SITES)[SiteId]][]) {
    if (site.matches.some((p) => matchesPattern(p, url))) return id;
  }
  return null;
}

export function classifySender(sender: Runtime.MessageSender, extensionId: string, extensionOrigin: string): SenderKind {
  if (sender.id !== extensionId) return { kind: 'refused', why: 'other extension' };
  let url: URL;
  try {
    url = new URL(sender.url ?? '');
  } catch {
    return { kind: 'refused', why: 'no sender url' };
  }
  // Compared as scheme and host, not URL.origin: data:, about: and file: URLs (and, outside the
  // browser, extension URLs) all have the opaque origin "null", which must never match.
  const own = new URL(extensionOrigin);
  if (url.host !== '' && url.protocol === own.protocol && url.host === own.host) {
    return { kind: 'extension-page', tabId: sender.tab?.id ?? null };
  }
  const site = siteOf(url);
  if (!site || sender.tab?.id === undefined) return { kind: 'refused', why: 'not a supported site' };
  return { kind: 'content', site, tabId: sender.tab.id, frameId: sender.frameId ?? 0 };
}
