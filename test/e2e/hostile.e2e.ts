// A hostile claude.ai lookalike, in real Chromium with the built extension: a page script keeps
// clicking, typing, submitting and posting messages at everything it can reach, and reads and
// rewrites the shadow DOM. No report is made, altered or redirected without the user's own click
// in the extension's frame, the page learns nothing it should not, and the real flow still works.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { Envelope } from '../../src/shared/schema';
import { DIST_CHROME, type ExtensionBrowser } from './support/browser';
import type { CaptureEndpoint, Lookalike } from './support/servers';
import { startLookalikeSetup, stopLookalikeSetup } from './support/lookalike-setup';
import { standardChat, type LookalikeChat } from './support/claude-lookalike';
import { hostile, type HostileLog } from './support/hostile-script';

const TOKEN = `token-${randomUUID()}`;
let chat: LookalikeChat;
let site: Lookalike;
let endpoint: CaptureEndpoint;
let browser: ExtensionBrowser;

beforeAll(async () => {
  chat = standardChat(`LEAK${randomUUID().slice(0, 6)}`, `KEEP${randomUUID().slice(0, 6)}`);
  // The endpoint and a token are set below, on the options page.
  ({ site, endpoint, browser } = await startLookalikeSetup(chat, { configure: false }));
  const options = await browser.context.newPage();
  await options.goto(browser.extensionUrl('src/options/index.html'));
  await options.getByRole('textbox', { name: 'Endpoint URL' }).fill(endpoint.url);
  await options.getByLabel('Access token (optional)').fill(TOKEN);
  await options.getByRole('button', { name: 'Save' }).click();
  await options.getByRole('status').filter({ hasText: endpoint.url }).waitFor();
  await options.close();
});

afterAll(() => stopLookalikeSetup({ site, endpoint, browser }));

async function hostilePage(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.addInitScript(hostile, browser.extensionId);
  await page.goto(`https://claude.ai/chat/${chat.chatId}`);
  await expect.poll(() => page.getByRole('button', { name: 'Helpful', exact: true }).count()).toBe(2);
  return page;
}

const hostileLog = (page: Page) => page.evaluate(() => (window as unknown as { __hostile: HostileLog }).__hostile);

/** Everything the background keeps in session storage (drafts live there). */
async function sessionKeys(): Promise<string[]> {
  const worker = browser.context.serviceWorkers()[0] ?? await browser.context.waitForEvent('serviceworker');
  return worker.evaluate(async () => Object.keys(await chrome.storage.session.get(null)));
}

/** Lets the hostile script run `rounds` more rounds of its attack (a condition, not a clock). */
async function moreRounds(page: Page, rounds: number): Promise<void> {
  const start = (await hostileLog(page)).synthetic;
  await expect.poll(async () => (await hostileLog(page)).synthetic, { timeout: 30_000 }).toBeGreaterThanOrEqual(start + rounds);
}

describe('a hostile page', () => {
  it('cannot start a report: synthetic clicks, keys, form events and messages open no dialog and store no draft', async () => {
    const page = await hostilePage();
    await moreRounds(page, 40);
    const log = await hostileLog(page);
    // The script really ran: many rounds of events at both buttons of both answers, and messages.
    expect(log.synthetic).toBeGreaterThan(30);
    expect(log.posted).toBeGreaterThan(100);
    expect(await page.locator('[data-chat-feedback-dialog]').count()).toBe(0);
    expect((await sessionKeys()).filter((k) => k.startsWith('draft'))).toEqual([]);
    expect(endpoint.received).toEqual([]);
    // The extension's runtime is not reachable from the page.
    expect(log.runtime.join(' ')).not.toContain('history');
    // Its own frame of the dialog page, for an id it made up, offers nothing to send.
    const own = page.frameLocator('#hostile-own');
    await own.getByRole('heading', { name: 'Share feedback' }).waitFor();
    expect(await own.getByRole('button', { name: 'Send feedback' }).count()).toBe(0);
    await page.close();
  });

  it('cannot read, steer or alter the report a real click starts, and the real one is sent as the user made it', async () => {
    const page = await hostilePage();
    await page.getByRole('button', { name: 'Not helpful', exact: true }).last().click();
    const dialog = page.frameLocator('[data-chat-feedback-dialog] iframe');
    await dialog.getByRole('heading', { name: 'Share feedback' }).waitFor();
    const comment = `typed by the user ${randomUUID()}`;
    await dialog.getByRole('textbox', { name: 'Comment' }).fill(comment);
    await dialog.getByRole('checkbox', { name: /agree/ }).check();
    // The page keeps going while the user reads: nothing it does reaches the frame.
    await moreRounds(page, 20);
    expect(endpoint.received).toEqual([]);
    await dialog.getByRole('button', { name: 'Send feedback' }).click();
    await dialog.getByRole('status').filter({ hasText: 'Sent.' }).waitFor();

    expect(endpoint.received).toHaveLength(1);
    const { headers, body } = endpoint.received[0]!;
    const { report } = Envelope.parse(body);
    expect(report.rating).toBe('not_helpful');
    expect(report.reasons).toEqual([]);
    expect(report.comment).toBe(comment);
    expect(headers.authorization).toBe(`Bearer ${TOKEN}`);

    // What the page saw: the frame's address carries no draft id, the frame's document and
    // location were out of reach, no message carried the preview, the comment or the token.
    const frame = await (await page.locator('[data-chat-feedback-dialog] iframe').elementHandle())!.contentFrame();
    const draftId = new URL(frame!.url()).hash.slice(1);
    const log = await hostileLog(page);
    const seen = log.seen.join('\n');
    expect(seen).toContain('frame-document'); // it did look
    expect(seen).not.toContain('frame-href: chrome-extension');
    expect(draftId).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen).not.toContain(draftId);
    expect(seen).not.toContain(comment);
    expect(seen).not.toContain(TOKEN);
    expect(seen).not.toContain(report.id);
    expect(log.reframed).toBe(false);
    expect(await page.locator('#hostile-copy').count()).toBe(0);

    // Once sent, the page's continued clicking makes no second report.
    await moreRounds(page, 20);
    expect(endpoint.received).toHaveLength(1);
    await page.close();
  });

  it('has nothing to talk to: no part of the extension listens to window messages', () => {
    const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : []));
    const scripts = files(DIST_CHROME);
    expect(scripts.length).toBeGreaterThan(3);
    for (const file of scripts) {
      const code = readFileSync(file, 'utf8');
      expect(code, file).not.toMatch(/addEventListener\(\s*["'`]message["'`]|\.onmessage\s*=|(onMessageExternal|onConnectExternal)\.addListener/);
    }
    // Nor may web pages or other extensions message it: no externally_connectable.
    expect(JSON.parse(readFileSync(join(DIST_CHROME, 'manifest.json'), 'utf8'))).not.toHaveProperty('externally_connectable');
  });
});
