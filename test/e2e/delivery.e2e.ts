// Delivery that never loses or duplicates a report, in real Chromium: retries after 503s,
// a refusal that is not retried, and a service worker stopped mid-request followed by a
// browser restart on the same profile.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';
import type { CaptureEndpoint, Lookalike } from './support/servers';
import { startLookalikeSetup, stopLookalikeSetup } from './support/lookalike-setup';
import { standardChat, type LookalikeChat } from './support/claude-lookalike';

let chat: LookalikeChat;
let site: Lookalike;
let endpoint: CaptureEndpoint;
let browser: ExtensionBrowser;

beforeAll(async () => {
  chat = standardChat(`LEAK${randomUUID().slice(0, 6)}`, `KEEP${randomUUID().slice(0, 6)}`);
  ({ site, endpoint, browser } = await startLookalikeSetup(chat));
});

afterAll(() => stopLookalikeSetup({ site, endpoint, browser }));

beforeEach(() => {
  endpoint.received.length = 0;
  endpoint.attempts = 0;
  endpoint.script.length = 0;
});

/** Rates the last answer and presses Send; answers the dialog frame. */
async function rateAndSend(b: ExtensionBrowser, comment: string) {
  const page = await b.context.newPage();
  await page.goto(`https://claude.ai/chat/${chat.chatId}`);
  await page.getByRole('button', { name: 'Helpful', exact: true }).last().click();
  const dialog = page.frameLocator('[data-chat-feedback-dialog] iframe');
  await dialog.getByRole('textbox', { name: 'Comment' }).fill(comment);
  await dialog.getByRole('button', { name: 'Send feedback' }).waitFor();
  const agree = dialog.getByRole('checkbox', { name: /agree/ });
  if (await agree.count()) await agree.check();
  await dialog.getByRole('button', { name: 'Send feedback' }).click();
  return { page, dialog };
}

async function historyPage(b: ExtensionBrowser): Promise<Page> {
  const page = await b.context.newPage();
  await page.goto(b.extensionUrl('src/history/index.html'));
  return page;
}

describe('delivery', () => {
  it('retries 503 with Retry-After until the endpoint stores the report, exactly once', async () => {
    const busy = { status: 503, body: '{"error":"busy"}', headers: { 'retry-after': '1' } };
    endpoint.script.push(busy, busy);
    const { page, dialog } = await rateAndSend(browser, 'after two 503s');
    await dialog.getByRole('status').filter({ hasText: 'Saved, not delivered yet.' }).waitFor();
    await expect.poll(() => endpoint.received.length, { timeout: 30_000 }).toBe(1);
    expect(endpoint.attempts).toBe(3);
    const history = await historyPage(browser);
    await history.getByRole('status').filter({ hasText: /^Delivered at/ }).first().waitFor();
    expect(await history.getByText('after two 503s').count()).toBe(0); // no copy of the conversation kept
    await Promise.all([page.close(), history.close()]);
  });

  it('marks a 400 as failed with the endpoint\'s words and never retries it', async () => {
    endpoint.script.push({ status: 400, body: '{"error":"bad_report","message":"rated_turn is out of range"}' });
    const { page, dialog } = await rateAndSend(browser, 'refused once');
    await dialog.getByRole('alert').filter({ hasText: 'rated_turn is out of range' }).waitFor();
    const history = await historyPage(browser);
    await history.getByRole('listitem').first().getByRole('status').filter({ hasText: /^Failed:/ }).waitFor();
    // A failed report gets no alarm: the popup counts it, and the endpoint saw one attempt only.
    const popup = await browser.context.newPage();
    await popup.goto(browser.extensionUrl('src/popup/index.html'));
    await popup.getByRole('status').filter({ hasText: '1 of them failed' }).waitFor();
    expect(endpoint.attempts).toBe(1);
    await popup.close();
    expect(endpoint.received).toHaveLength(0);
    await Promise.all([page.close(), history.close()]);
  });
});

describe('a worker stopped mid-request, then a browser restart', () => {
  it('stores the report exactly once and shows it delivered', async () => {
    endpoint.script.push('hang'); // the endpoint commits the report but its answer never arrives
    const { page } = await rateAndSend(browser, 'survives a restart');
    await expect.poll(() => endpoint.received.length).toBe(1);

    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    const profile = browser.userDataDir;
    await browser.close({ keepProfile: true });

    browser = await launchWithExtension({ lookalikePort: site.port, userDataDir: profile });
    const history = await historyPage(browser);
    // Newest first: the report sent before the restart heads the list.
    await history.getByRole('listitem').first().getByRole('status').filter({ hasText: /^Delivered at/ }).waitFor();
    expect(endpoint.attempts).toBeGreaterThanOrEqual(2); // the retry reached the endpoint…
    expect(endpoint.received).toHaveLength(1); // …and was recognised by its Idempotency-Key
    await history.close();
  });
});
