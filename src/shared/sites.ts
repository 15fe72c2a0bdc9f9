import type { SiteId } from './schema';

/** Sites the extension can run on, with the origins the manifest grants for each. */
export const SITES: Record<SiteId, { label: string; matches: string[] }> = {
  'claude.ai': { label: 'claude.ai', matches: ['https://claude.ai/*'] },
  demo: { label: 'Demo chat (reference collector)', matches: ['http://127.0.0.1/demo*', 'http://localhost/demo*'] },
};
