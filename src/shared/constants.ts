// Plain constants of the report format, apart from the zod schema so the content script can
// use them without bundling zod.
export const SITE_IDS = ['claude.ai', 'demo'] as const;
export type SiteId = (typeof SITE_IDS)[number];
