// What the background sends depends on a current agreement: the dialog's report:send needs the
// stored consent for its notice; a tester's one-click report is built from the tester agreement,
// checked against the tester notice rebuilt in the language it was shown in; withdrawal stops it all.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import { getOutbox } from '../../../src/background/delivery';
import { handleMessage } from '../../../src/background/messenger';
import { TESTER_CONSENT_KEY } from '../../../src/core/consent';
import { DEFAULT_OPTIONS, OPTIONS_STORAGE_KEY } from '../../../src/shared/options';
import { Envelope } from '../../../src/shared/schema';
import { currentTesterNotice } from '../../../src/ui/explainer';
import { sourceOf, translatorFor, type MessageEntry } from '../../../src/ui/i18n';
import { sampleCaptured, sampleEnvelope } from '../helpers/reports';
import { EXTENSION_ID, EXTENSION_ORIGIN, fakeExtension, resetFakeExtension } from './fake-extension';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-extension')).fakeExtension }));

const ENDPOINT = 'http://127.0.0.1:8787/v1/feedback';
const ORIGIN = 'http://127.0.0.1:8787';
const POLICY = { operator: 'Test lab', retention: { period: '10y', approx_days: 3652 } };
let policy: unknown = POLICY;
const posted: unknown[] = [];
const locale = (lang: string) => JSON.parse(readFileSync(new URL(`../../../public/_locales/${lang}/messages.json`, import.meta.url), 'utf8')) as Record<string, MessageEntry>;

// The messages files, the endpoint's policy and the endpoint itself.
vi.stubGlobal('fetch', vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
  const url = String(input);
  const lang = /_locales\/(\w+)\/messages\.json$/.exec(url)?.[1];
  if (lang) return new Response(JSON.stringify(locale(lang)));
  if (url.endsWith('/v1/policy')) return policy ? new Response(JSON.stringify(policy)) : new Response('no', { status: 404 });
  posted.push(JSON.parse(String(init?.body)));
  return new Response(JSON.stringify({ id: 'x', received_at: '2026-11-29T12:00:00Z' }), { status: 201 });
}));
afterAll(() => vi.unstubAllGlobals());

const tab = { id: 7, index: 0, highlighted: false, active: true, pinned: false, incognito: false } as Runtime.MessageSender['tab'];
const CONTENT: Runtime.MessageSender = { id: EXTENSION_ID, url: 'https://claude.ai/chat/1', tab, frameId: 0 };
const DIALOG: Runtime.MessageSender = { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}src/dialog/index.html#x`, tab, frameId: 3 };
const OPTIONS: Runtime.MessageSender = { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}src/options/index.html` };

const setOptions = (patch: Partial<typeof DEFAULT_OPTIONS>) => fakeExtension.storage.local.store.set(OPTIONS_STORAGE_KEY, { ...DEFAULT_OPTIONS, endpoint: ENDPOINT, ...patch });
const agree = (key: string, noticeVersion: string, noticeHash: string, lang = 'en') => fakeExtension.storage.local.store.set(key, { noticeVersion, noticeHash, acceptedAt: '2026-11-29T10:00:00Z', locale: lang });

async function agreeAsTester(lang: 'en' | 'de') {
  const notice = await currentTesterNotice(ORIGIN, POLICY, translatorFor(() => sourceOf(locale(lang))));
  agree(TESTER_CONSENT_KEY, notice.version, notice.hash, lang);
}
const testerSend = (rating: 'helpful' | null = 'helpful') => handleMessage({ type: 'tester:send', site: 'claude.ai', rating, capture: { ok: true, captured: sampleCaptured() } }, CONTENT);
const lastPosted = () => Envelope.parse(posted.at(-1));

beforeEach(async () => {
  resetFakeExtension();
  posted.length = 0;
  policy = POLICY;
  setOptions({});
  const outbox = await getOutbox();
  for (const item of await outbox.list()) await outbox.remove(item.id);
});

describe('report:send from the dialog', () => {
  const send = () => { const envelope = sampleEnvelope(); return handleMessage({ type: 'report:send', envelope, endpoint: ENDPOINT }, DIALOG); };

  it('is refused without a consent record, and nothing is queued or posted', async () => {
    expect(await send()).toEqual({ ok: false, error: 'consent_missing' });
    expect(await (await getOutbox()).list()).toEqual([]);
    expect(posted).toEqual([]);
  });

  it('is refused when the record is for another notice, sent when it is for this one', async () => {
    agree('consent', 'v1', 'b'.repeat(64));
    expect(await send()).toEqual({ ok: false, error: 'consent_missing' });
    agree('consent', 'v1', 'a'.repeat(64)); // the sample report's notice
    expect(await send()).toMatchObject({ ok: true });
    expect(posted).toHaveLength(1);
  });

  it('refuses a report that claims the trusted-tester programme', async () => {
    agree('consent', 'v1', 'a'.repeat(64));
    const envelope = sampleEnvelope();
    envelope.report.consent.trusted_tester = true;
    expect(await handleMessage({ type: 'report:send', envelope, endpoint: ENDPOINT }, DIALOG)).toEqual({ ok: false, error: 'consent_missing' });
  });
});

describe('tester:send from a content script', () => {
  it('is refused while trusted-tester mode is off, even with a tester agreement', async () => {
    await agreeAsTester('en');
    expect(await testerSend()).toEqual({ ok: false, error: 'consent_missing' });
    expect(posted).toEqual([]);
  });

  it('sends a report carrying the tester consent (version, hash, locale shown), the contact beside it', async () => {
    setOptions({ trustedTester: true, reporterContact: 'tester@example.org' });
    await agreeAsTester('de');
    expect(await testerSend()).toMatchObject({ ok: true });
    const { report, reporter } = lastPosted();
    const stored = fakeExtension.storage.local.store.get(TESTER_CONSENT_KEY) as { noticeVersion: string; noticeHash: string };
    expect(report.consent).toEqual({ notice_version: stored.noticeVersion, notice_hash: stored.noticeHash, locale: 'de', trusted_tester: true });
    expect(report).toMatchObject({ kind: 'rating', rating: 'helpful', comment: '', reasons: [] });
    expect(reporter).toEqual({ contact: 'tester@example.org' });
    expect(JSON.stringify(report)).not.toContain('tester@example.org');
    expect(JSON.stringify(report)).not.toContain('2026-11-29T10:00'); // the time of agreement stays in the browser
  });

  it('shares a whole conversation without a rating', async () => {
    setOptions({ trustedTester: true });
    await agreeAsTester('en');
    expect(await testerSend(null)).toMatchObject({ ok: true });
    expect(lastPosted().report).toMatchObject({ kind: 'share', rating: null, rated_turn: null });
  });

  it('is refused when the endpoint\'s declared policy changed since the agreement', async () => {
    setOptions({ trustedTester: true });
    await agreeAsTester('en');
    policy = { ...POLICY, operator: 'Someone else' };
    expect(await testerSend()).toEqual({ ok: false, error: 'consent_missing' });
    expect(posted).toEqual([]);
  });
});

describe('consent:withdraw', () => {
  it('removes both agreements, turns tester mode off and deletes every report waiting in the outbox', async () => {
    setOptions({ trustedTester: true, endpoint: 'http://127.0.0.1:1/v1/feedback' });
    agree('consent', 'v1', 'a'.repeat(64));
    await agreeAsTester('en');
    const outbox = await getOutbox();
    await outbox.enqueue({ id: crypto.randomUUID(), endpoint: ENDPOINT, token: '', body: '{}', schemaVersion: 2, site: 'claude.ai', rating: 'helpful' });
    await outbox.enqueue({ id: crypto.randomUUID(), endpoint: ENDPOINT, token: '', body: '{}', schemaVersion: 2, site: 'claude.ai', rating: null });
    expect(await handleMessage({ type: 'consent:withdraw' }, OPTIONS)).toEqual({ ok: true, removed: 2 });
    expect(await outbox.list()).toEqual([]);
    expect(fakeExtension.storage.local.store.has('consent')).toBe(false);
    expect(fakeExtension.storage.local.store.has(TESTER_CONSENT_KEY)).toBe(false);
    expect((fakeExtension.storage.local.store.get(OPTIONS_STORAGE_KEY) as { trustedTester: boolean }).trustedTester).toBe(false);
  });
});

describe('messages:get', () => {
  it('answers the content script\'s labels in the language chosen in options', async () => {
    setOptions({ language: 'de' });
    expect(await handleMessage({ type: 'messages:get', keys: ['helpful', 'undo'] }, CONTENT)).toEqual({ helpful: 'Hilfreich', undo: 'Rückgängig' });
    setOptions({ language: 'auto' });
    expect(await handleMessage({ type: 'messages:get', keys: ['helpful'] }, CONTENT)).toEqual({ helpful: 'Helpful' });
  });
});
