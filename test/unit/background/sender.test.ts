import { describe, expect, it } from 'vitest';
import { classifySender, matchesPattern, siteOf } from '../../../src/background/sender';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;

describe('sender checks', () => {
  it('matches manifest patterns on any port, with path globs', () => {
    expect(matchesPattern('https://claude.ai/*', new URL('https://claude.ai/chat/1'))).toBe(true);
    expect(matchesPattern('https://claude.ai/*', new URL('https://evil.claude.ai.example/chat'))).toBe(false);
    expect(matchesPattern('http://127.0.0.1/demo*', new URL('http://127.0.0.1:8787/demo'))).toBe(true);
    expect(matchesPattern('http://127.0.0.1/demo*', new URL('http://127.0.0.1:8787/other'))).toBe(false);
    expect(siteOf(new URL('https://claude.ai/new'))).toBe('claude.ai');
    expect(siteOf(new URL('http://localhost:9/demo'))).toBe('demo');
    expect(siteOf(new URL('https://example.com/'))).toBeNull();
  });

  it('accepts this extension\'s pages and content scripts on supported sites only', () => {
    expect(classifySender({ id: ID, url: `${ORIGIN}src/dialog/index.html#x`, tab: { id: 3 } as never }, ID, ORIGIN))
      .toEqual({ kind: 'extension-page', tabId: 3 });
    expect(classifySender({ id: ID, url: 'https://claude.ai/chat/1', tab: { id: 4 } as never, frameId: 0 }, ID, ORIGIN))
      .toEqual({ kind: 'content', site: 'claude.ai', tabId: 4, frameId: 0 });
  });

  it('refuses other extensions, unknown pages and senders without a tab or url', () => {
    expect(classifySender({ id: 'other', url: `${ORIGIN}x` }, ID, ORIGIN).kind).toBe('refused');
    expect(classifySender({ id: ID, url: 'https://example.com/', tab: { id: 1 } as never }, ID, ORIGIN).kind).toBe('refused');
    expect(classifySender({ id: ID, url: 'https://claude.ai/chat/1' }, ID, ORIGIN).kind).toBe('refused');
    expect(classifySender({ id: ID }, ID, ORIGIN).kind).toBe('refused');
  });
});
