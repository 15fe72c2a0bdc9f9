// Every site adapter the content script knows, in the order they are tried.
import type { SiteAdapter } from './types';
import { claudeAi } from './claude-ai';
import { demo } from './demo';

export const ADAPTERS: readonly SiteAdapter[] = [claudeAi, demo];

export function adapterFor(url: URL): SiteAdapter | null {
  return ADAPTERS.find((a) => a.matches(url)) ?? null;
}
