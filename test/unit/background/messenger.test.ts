// The background's message handler under attack: valid messages from the wrong senders, random and
// malformed messages from the right ones, and fields over their caps. Every one is refused and
// leaves nothing behind: no draft, no option, no outbox entry, no request, no message to a tab.
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import { getOutbox } from '../../../src/background/delivery';
import { MAX_MESSAGE_BYTES } from '../../../src/background/limits';
import { handleMessage } from '../../../src/background/messenger';
import { ContentToBackground, PageToBackground, draftKey } from '../../../src/shared/messages';
import { DEFAULT_ENDPOINT } from '../../../src/shared/options';
import { MAX_COMMENT, MAX_FEATURES, MAX_TEXT } from '../../../src/shared/schema';
import { sampleCaptured, sampleEnvelope } from '../helpers/reports';
import { EXTENSION_ID, EXTENSION_ORIGIN, fakeExtension, resetFakeExtension } from './fake-extension';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-extension')).fakeExtension }));

const fetchSpy = vi.fn(async (..._args: unknown[]) => new Response(JSON.stringify({ id: 'x', received_at: '2026-11-28T12:00:00Z' }), { status: 201 }));
vi.stubGlobal('fetch', fetchSpy);
afterAll(() => vi.unstubAllGlobals());

// --- senders -----------------------------------------------------------------------------------
const tab = (id: number) => ({ id, index: 0, highlighted: false, active: true, pinned: false, incognito: false }) as Runtime.MessageSender['tab'];
const CONTENT: Runtime.MessageSender = { id: EXTENSION_ID, url: 'https://claude.ai/chat/1', tab: tab(7), frameId: 0 };
const DIALOG: Runtime.MessageSender = { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}src/dialog/index.html#x`, tab: tab(7), frameId: 3 };
const POPUP: Runtime.MessageSender = { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}src/popup/index.html` };

const WRONG_SENDERS: [string, Runtime.MessageSender][] = [
  ['another extension', { id: 'zyxwvutsrqponmlkzyxwvutsrqponmlk', url: 'chrome-extension://zyxwvutsrqponmlkzyxwvutsrqponmlk/page.html', tab: tab(7) }],
  ['another extension claiming our page', { id: 'zyxwvutsrqponmlkzyxwvutsrqponmlk', url: `${EXTENSION_ORIGIN}src/dialog/index.html`, tab: tab(7) }],
  ['a web page', { id: EXTENSION_ID, url: 'https://attacker.example/', tab: tab(7), frameId: 0 }],
  ['a lookalike host', { id: EXTENSION_ID, url: 'https://claude.ai.attacker.example/chat/1', tab: tab(7), frameId: 0 }],
  ['plain http claude.ai', { id: EXTENSION_ID, url: 'http://claude.ai/chat/1', tab: tab(7), frameId: 0 }],
  ['claude.ai without a tab', { id: EXTENSION_ID, url: 'https://claude.ai/chat/1' }],
  ['no url', { id: EXTENSION_ID, tab: tab(7) }],
  ['no id', { url: 'https://claude.ai/chat/1', tab: tab(7) }],
  ['a data: url', { id: EXTENSION_ID, url: 'data:text/html,<p>hi</p>', tab: tab(7) }],
  ['about:blank', { id: EXTENSION_ID, url: 'about:blank', tab: tab(7) }],
  ['a file', { id: EXTENSION_ID, url: 'file:///tmp/page.html', tab: tab(7) }],
  ['another extension origin', { id: EXTENSION_ID, url: 'chrome-extension://zyxwvutsrqponmlkzyxwvutsrqponmlk/x.html', tab: tab(7) }],
];

// --- messages ----------------------------------------------------------------------------------
const draftPut = () => ({ type: 'draft:put', id: randomUUID(), draft: { site: 'claude.ai', rating: 'helpful', capture: { ok: true, captured: sampleCaptured() } } });
const reportSend = () => ({ type: 'report:send', envelope: sampleEnvelope(), endpoint: DEFAULT_ENDPOINT });
const testerSend = () => ({ type: 'tester:send', site: 'claude.ai', rating: 'helpful', capture: { ok: true, captured: sampleCaptured() } });
const CONTENT_VALID: (() => Record<string, unknown>)[] = [draftPut, testerSend];
const PAGE_VALID: (() => Record<string, unknown>)[] = [
  reportSend, () => ({ type: 'consent:withdraw' }),
  () => ({ type: 'dialog:close' }), () => ({ type: 'outbox:summary' }), () => ({ type: 'outbox:history' }),
  () => ({ type: 'outbox:retry' }), () => ({ type: 'outbox:remove', id: randomUUID() }),
  () => ({ type: 'history:withdraw', id: randomUUID() }), () => ({ type: 'history:clear' }),
];
const VALID = [...CONTENT_VALID, ...PAGE_VALID];
const isValid = (m: unknown) => ContentToBackground.safeParse(m).success || PageToBackground.safeParse(m).success;

// --- what must not happen ------------------------------------------------------------------------
async function expectNoTrace(): Promise<void> {
  expect(fakeExtension.storage.session.set).not.toHaveBeenCalled();
  expect(fakeExtension.storage.session.remove).not.toHaveBeenCalled();
  expect(fakeExtension.storage.local.set).not.toHaveBeenCalled();
  expect(fakeExtension.storage.local.remove).not.toHaveBeenCalled();
  expect(fakeExtension.tabs.sendMessage).not.toHaveBeenCalled();
  expect(fetchSpy).not.toHaveBeenCalled();
  expect(fakeExtension.storage.session.store.size).toBe(0);
  expect(await (await getOutbox()).history()).toEqual([]);
}

const refused = (result: unknown) => expect(result, JSON.stringify(result)?.slice(0, 200)).toMatchObject({ ok: false });

/** The agreement the sample envelope's consent names, as the dialog records it before sending. */
const agreed = () => fakeExtension.storage.local.store.set('consent', { noticeVersion: 'v1', noticeHash: 'a'.repeat(64), acceptedAt: '2026-11-28T12:00:00Z', locale: 'en' });

beforeEach(async () => {
  resetFakeExtension();
  agreed();
  fetchSpy.mockClear();
  const outbox = await getOutbox();
  for (const entry of await outbox.history()) if (entry.kind === 'outbox') await outbox.remove(entry.item.id);
  await outbox.clearHistory();
});

describe('the background acts for the right senders', () => {
  it('stores a draft from a content script and sends a report from the dialog (so the refusals below are not vacuous)', async () => {
    const put = draftPut();
    expect(await handleMessage(put, CONTENT)).toEqual({ ok: true });
    expect(fakeExtension.storage.session.store.get(draftKey(put.id as string))).toMatchObject({ rating: 'helpful' });
    expect(await handleMessage(reportSend(), DIALOG)).toMatchObject({ ok: true, status: 201 });
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    expect(String(fetchSpy.mock.calls[0]![0])).toBe(DEFAULT_ENDPOINT);
  });
});

describe('valid messages from the wrong senders', () => {
  for (const [name, sender] of WRONG_SENDERS) {
    it(`refuses every message from ${name}`, async () => {
      for (const make of VALID) refused(await handleMessage(make(), sender));
      await expectNoTrace();
    });
  }

  it('refuses page messages from a content script (it cannot send, delete, clear or close anything)', async () => {
    for (const make of PAGE_VALID) refused(await handleMessage(make(), CONTENT));
    await expectNoTrace();
  });

  it('refuses content messages from an extension page, and a draft for a site other than the sender\'s', async () => {
    for (const make of CONTENT_VALID) {
      refused(await handleMessage(make(), DIALOG));
      refused(await handleMessage(make(), POPUP));
    }
    refused(await handleMessage(draftPut(), { ...CONTENT, url: 'http://127.0.0.1:8787/demo' }));
    await expectNoTrace();
  });
});

describe('nowhere but the configured endpoint', () => {
  it('refuses a report for any endpoint but the one in the options; nothing is queued or sent', async () => {
    for (const endpoint of ['https://attacker.example/v1/feedback', 'http://127.0.0.1:9/v1/feedback', `${DEFAULT_ENDPOINT}/`, DEFAULT_ENDPOINT.toUpperCase(), '']) {
      expect(await handleMessage({ ...reportSend(), endpoint }, DIALOG)).toEqual({ ok: false, error: 'endpoint_changed' });
    }
    await expectNoTrace();
  });
});

/** Valid messages with one field over its cap. */
function overCaps(): [string, unknown][] {
  const withTurns = (f: (c: ReturnType<typeof sampleCaptured>) => void) => {
    const m = draftPut() as { draft: { capture: { captured: ReturnType<typeof sampleCaptured> } } };
    f(m.draft.capture.captured);
    return m;
  };
  const withReport = (f: (r: ReturnType<typeof sampleEnvelope>['report']) => void) => {
    const m = reportSend();
    f(m.envelope.report);
    return m;
  };
  const turn = sampleCaptured().conversation.turns[0]!;
  return [
    ['a text block over MAX_TEXT', withTurns((c) => { c.conversation.turns[0]!.blocks = [{ kind: 'text', text: 'x'.repeat(MAX_TEXT + 1) }]; })],
    ['more feature toggles than MAX_FEATURES', withTurns((c) => { c.conversation.settings.features = Object.fromEntries(Array.from({ length: MAX_FEATURES + 1 }, (_, i) => [`f${i}`, true])); })],
    ['a feature name over 500 characters', withTurns((c) => { c.conversation.settings.features = { ['k'.repeat(501)]: true }; })],
    ['a model name over 500 characters', withTurns((c) => { c.conversation.settings.model = 'm'.repeat(501); })],
    ['10 001 turns', withTurns((c) => { c.conversation.turns = Array.from({ length: 10_001 }, () => turn); })],
    ['2 001 blocks in a turn', withTurns((c) => { c.conversation.turns[0]!.blocks = Array.from({ length: 2_001 }, () => ({ kind: 'text' as const, text: '' })); })],
    ['51 omissions', withTurns((c) => { c.omissions = Array.from({ length: 51 }, () => ({ kind: 'unreadable' as const, source: null, count: 1 })); })],
    ['an unreadable detail over 500 characters', { ...draftPut(), draft: { site: 'claude.ai', rating: 'helpful', capture: { ok: false, error: 'unreadable', detail: 'd'.repeat(501) } } }],
    ['a comment over MAX_COMMENT', withReport((r) => { r.comment = 'c'.repeat(MAX_COMMENT + 1); })],
    ['a contact over 320 characters', { ...reportSend(), envelope: { ...sampleEnvelope('a'.repeat(321)) } }],
    ['an endpoint over 2 048 characters', { ...reportSend(), endpoint: `https://x.example/${'p'.repeat(2_048)}` }],
    ['a whole message over the body limit', { ...reportSend(), padding: 'p'.repeat(MAX_MESSAGE_BYTES) }],
  ];
}

describe('caps on every field', () => {
  for (const [name, message] of overCaps()) {
    it(`refuses ${name}`, async () => {
      expect(isValid(message)).toBe(name === 'a whole message over the body limit'); // the schema would strip the padding
      refused(await handleMessage(message, (message as { type: string }).type === 'draft:put' ? CONTENT : DIALOG));
      await expectNoTrace();
    });
  }

  it('turns a draft too large to ever send into an honest unreadable one, not a stored conversation', async () => {
    const put = draftPut() as { id: string; draft: { capture: { captured: ReturnType<typeof sampleCaptured> } } };
    put.draft.capture.captured.conversation.turns[0]!.blocks = Array.from({ length: 4 }, () => ({ kind: 'text' as const, text: 'x'.repeat(MAX_TEXT) }));
    expect(await handleMessage(put, CONTENT)).toEqual({ ok: true });
    const stored = fakeExtension.storage.session.store.get(draftKey(put.id));
    expect(stored).toMatchObject({ site: 'claude.ai', rating: 'helpful', capture: { ok: false, error: 'unreadable' } });
    expect(JSON.stringify(stored).length).toBeLessThan(1_000);
  });

  it('keeps one draft per tab: a new one replaces its tab\'s earlier one', async () => {
    const first = draftPut();
    const second = draftPut();
    await handleMessage(first, CONTENT);
    await handleMessage(second, CONTENT);
    await handleMessage(draftPut(), { ...CONTENT, tab: tab(8) });
    const drafts = [...fakeExtension.storage.session.store.keys()].filter((k) => k.startsWith('draft:'));
    expect(drafts).toHaveLength(2);
    expect(drafts).toContain(draftKey(second.id as string));
    expect(drafts).not.toContain(draftKey(first.id as string));
  });
});

describe('malformed messages from the right senders', () => {
  const proto = JSON.parse('{"__proto__": {"type": "history:clear"}, "constructor": {"prototype": {"type": "history:clear"}}}') as unknown;
  const HAND: unknown[] = [
    null, undefined, 0, -1, NaN, true, '', 'history:clear', [], [{ type: 'history:clear' }], {}, proto,
    { type: 'HISTORY:CLEAR' }, { type: ['history:clear'] }, { type: { toString: 'history:clear' } }, { type: 'draft:put' },
    { type: 'draft:put', id: 'not-a-uuid', draft: draftPut().draft },
    { ...draftPut(), draft: { ...(draftPut().draft as object), site: 'attacker.example' } },
    { ...draftPut(), draft: { ...(draftPut().draft as object), rating: 'meh' } },
    { type: 'report:send' }, { type: 'report:send', envelope: null, endpoint: DEFAULT_ENDPOINT },
    { ...reportSend(), envelope: { ...sampleEnvelope(), extra: 'not in the envelope' } },
    { ...reportSend(), envelope: { report: { ...sampleEnvelope().report, id: 'not-a-uuid' } } },
    { ...reportSend(), envelope: { report: { ...sampleEnvelope().report, rated_turn: 0 } } }, // a user turn
    { ...reportSend(), envelope: { report: { ...sampleEnvelope().report, schema_version: 99 } } },
    { ...reportSend(), endpoint: 42 }, { type: 'outbox:remove', id: '../../etc' }, { type: 'history:withdraw' },
    { type: 'outbox:retry', id: 7 },
  ];

  it('refuses each of a list of hand-made ones, from a content script and from the dialog', async () => {
    for (const message of HAND) {
      expect(isValid(message), JSON.stringify(message)?.slice(0, 120)).toBe(false);
      refused(await handleMessage(message, CONTENT));
      refused(await handleMessage(message, DIALOG));
    }
    await expectNoTrace();
  });

  it('refuses 600 random values and mutations of valid messages (seeded, so a failure repeats)', async () => {
    const random = mulberry32(0x5eed);
    let tried = 0;
    for (let i = 0; i < 600; i++) {
      const message = random() < 0.3 ? randomValue(random, 3) : mutate(VALID[Math.floor(random() * VALID.length)]!(), random);
      if (isValid(message)) continue; // a mutation that happens to stay valid is not an attack on the schema
      tried++;
      refused(await handleMessage(message, random() < 0.5 ? CONTENT : DIALOG));
    }
    expect(tried).toBeGreaterThan(450);
    await expectNoTrace();
  });
});

// --- a small seeded fuzzer ---------------------------------------------------------------------
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEYS = ['type', 'id', 'draft', 'envelope', 'endpoint', 'report', 'site', 'rating', 'capture', '__proto__', 'constructor', 'toString', ''];
const STRINGS = ['', 'draft:put', 'report:send', 'history:clear', '<img src=x onerror=alert(1)>', 'https://attacker.example/', '\u0000', 'x'.repeat(3_000)];

function randomValue(random: () => number, depth: number): unknown {
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const kind = Math.floor(random() * (depth > 0 ? 8 : 6));
  switch (kind) {
    case 0: return null;
    case 1: return random() < 0.5;
    case 2: return pick([0, -1, 1.5, 2 ** 53, -0, Number.MAX_VALUE]);
    case 3: return pick(STRINGS);
    case 4: return randomUUID();
    case 5: return undefined;
    case 6: return Array.from({ length: Math.floor(random() * 4) }, () => randomValue(random, depth - 1));
    default: return Object.fromEntries(Array.from({ length: Math.floor(random() * 4) }, () => [pick(KEYS), randomValue(random, depth - 1)]));
  }
}

/** One to three random edits anywhere in the message: drop a field, replace a value, retype it. */
function mutate(message: Record<string, unknown>, random: () => number): unknown {
  const copy = structuredClone(message) as Record<string, unknown>;
  for (let n = 1 + Math.floor(random() * 3); n > 0; n--) {
    let node: Record<string, unknown> = copy;
    // Walk down a random path of objects and arrays.
    for (;;) {
      const keys = Object.keys(node);
      const key = keys[Math.floor(random() * keys.length)];
      const child = key === undefined ? undefined : node[key];
      if (key === undefined || !child || typeof child !== 'object' || random() < 0.3) {
        if (key === undefined) break;
        const r = random();
        if (r < 0.3) delete node[key];
        else if (r < 0.8) node[key] = randomValue(random, 2);
        else node[key] = typeof node[key] === 'string' ? `${node[key] as string}${'x'.repeat(MAX_TEXT)}` : [node[key]];
        break;
      }
      node = child as Record<string, unknown>;
    }
  }
  return copy;
}
