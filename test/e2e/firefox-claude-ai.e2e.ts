// The claude.ai flow in Debian's firefox-esr with the built add-on (dist/firefox) installed as a
// temporary add-on: rate an answer on the lookalike, send, and assert on the body that arrived.
// Then the AMO package (npm run package) installs the same way and runs on the same page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { expectVisibleBranchReport } from './support/expect-report';
import { GECKO_ID } from '../../manifest.config';
import pkg from '../../package.json' with { type: 'json' };
import { byRole, configureEndpoint, controlButtons, dialogFrame, launchFirefox, type FirefoxWithAddon } from './support/firefox';
import { startCaptureEndpoint, startLookalike, type CaptureEndpoint, type Lookalike } from './support/servers';
import { standardChat, type LookalikeChat } from './support/claude-lookalike';

const AMO_ZIP = resolve(import.meta.dirname, `../../dist/packages/chat-feedback-capture-firefox-${pkg.version}.zip`);
const messages = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../public/_locales/en/messages.json'), 'utf8')) as
  Record<string, { message: string }>;
const agreeName = (origin: string) => messages.agreeLabel!.message.replace('$ORIGIN$', origin);

const leak = `LEAK${randomUUID().slice(0, 8)}`;
const keep = `KEEP${randomUUID().slice(0, 8)}`;
let chat: LookalikeChat;
let site: Lookalike;
let endpoint: CaptureEndpoint;
let ff: FirefoxWithAddon;

beforeAll(async () => {
  chat = standardChat(leak, keep);
  // Match patterns have no port: the lookalike must be https://claude.ai itself, on 443.
  [site, endpoint] = await Promise.all([startLookalike([chat], { port: 443 }), startCaptureEndpoint()]);
  ff = await launchFirefox();
  await configureEndpoint(ff, endpoint.url);
});

afterAll(async () => {
  await ff?.close();
  await Promise.all([site?.close(), endpoint?.close()]);
});

async function openChat(): Promise<Page> {
  const page = await ff.browser.newPage();
  await page.goto(`https://claude.ai/chat/${chat.chatId}`);
  return page;
}

async function controlsCount(page: Page, name: string, count: number): Promise<void> {
  await expect.poll(async () => (await controlButtons(page, name)).length, { timeout: 10_000 }).toBe(count);
}

describe('Firefox: claude.ai lookalike', () => {
  it('puts controls under every rendered answer and opens the dialog on a click', async () => {
    const page = await openChat();
    await controlsCount(page, 'Helpful', 2);
    await controlsCount(page, 'Not helpful', 2);
    await (await controlButtons(page, 'Helpful')).at(-1)!.click();
    await byRole(await dialogFrame(page), 'heading', 'Share feedback');
    await page.close();
  });

  // Firefox exposes no storage.session to an extension page framed in a web page: the dialog
  // gets its draft from the background (draft:get), which is what this test proves in Firefox.
  it('rates an answer and sends the visible branch, without integrations or identity', async () => {
    const page = await openChat();
    await controlsCount(page, 'Not helpful', 2);
    await (await controlButtons(page, 'Not helpful')).at(-1)!.click();
    const dialog = await dialogFrame(page);
    await byRole(dialog, 'heading', 'Share feedback');
    await (await byRole(dialog, 'checkbox', 'Incomplete')).click();
    await (await byRole(dialog, 'textbox', 'Comment')).type(`comment ${keep}`);
    await (await byRole(dialog, 'checkbox', agreeName(new URL(endpoint.url).origin))).click();
    await (await byRole(dialog, 'button', 'Send feedback')).click();
    await expect.poll(() => endpoint.received.length, { timeout: 15_000 }).toBe(1);
    await dialog.waitForFunction(() => [...document.querySelectorAll('[role=status]')].some((s) => s.textContent?.includes('Sent.')));

    const report = expectVisibleBranchReport(endpoint.received[0]!, chat, leak, keep);
    expect(report.rating).toBe('not_helpful');
    expect(report.reasons).toEqual(['incomplete']);
    expect(report.comment).toBe(`comment ${keep}`);
    expect(report.client.browser).toBe('firefox');
    await page.close();
  });

  it('installs the AMO package as a temporary add-on, and it runs on the same page', async () => {
    await ff.browser.uninstallExtension(GECKO_ID);
    expect(await ff.browser.installExtension(AMO_ZIP)).toBe(GECKO_ID);
    const page = await openChat();
    await controlsCount(page, 'Helpful', 2);
    await (await controlButtons(page, 'Helpful')).at(-1)!.click();
    await byRole(await dialogFrame(page), 'heading', 'Share feedback');
    await page.close();
  });
});
