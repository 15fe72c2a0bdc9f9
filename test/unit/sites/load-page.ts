// Loads a claude.ai fixture into a happy-dom window (scripts, styles and frames off), so the
// adapter reads it as it would read the live page.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';

export const ORG_ID = '5c1f0e2a-9b7d-4e11-8c3a-0a1b2c3d4e5f';
export const CONVERSATION_ID = '9e8d7c6b-5a49-4838-a271-605f4e3d2c1b';
export const CHAT_URL = `https://claude.ai/chat/${CONVERSATION_ID}`;

export function fixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../../fixtures/claude-ai/${name}`, import.meta.url)), 'utf8');
}

export function fixtureJson(name: string): unknown {
  return JSON.parse(fixture(name)) as unknown;
}

export function loadPage(html: string, options: { url?: string; cookie?: string } = {}): Document {
  const window = new Window({
    url: options.url ?? CHAT_URL,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
    },
  });
  window.document.write(html);
  window.document.cookie = options.cookie ?? `lastActiveOrg=${ORG_ID}; Path=/`;
  return window.document as unknown as Document;
}
