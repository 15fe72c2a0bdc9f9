// The whole flow on a claude.ai lookalike, in real Chromium with the built extension: rate an
// answer, read the dialog, send, and assert on the body the endpoint received.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { Envelope } from '../../src/shared/schema';
import { expectVisibleBranchReport } from './support/expect-report';
import { configureEndpoint, type ExtensionBrowser } from './support/browser';
import { startLookalikeSetup, stopLookalikeSetup } from './support/lookalike-setup';
import { startCaptureEndpoint, type CaptureEndpoint, type Lookalike } from './support/servers';
import { branchOf, standardChat, type LookalikeChat } from './support/claude-lookalike';

const leak = `LEAK${randomUUID().slice(0, 8)}`;
const keep = `KEEP${randomUUID().slice(0, 8)}`;
let chat: LookalikeChat;
let site: Lookalike;
let endpoint: CaptureEndpoint;
let browser: ExtensionBrowser;

beforeAll(async () => {
  chat = standardChat(leak, keep);
  ({ site, endpoint, browser } = await startLookalikeSetup(chat));
});

afterAll(() => stopLookalikeSetup({ site, endpoint, browser }));

const dialogOf = (page: Page) => page.frameLocator('[data-chat-feedback-dialog] iframe');

async function openChat(id = chat.chatId): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`https://claude.ai/chat/${id}`);
  return page;
}

describe('claude.ai lookalike', () => {
  it('puts controls under every rendered answer and sends the visible branch, without integrations or identity', async () => {
    const page = await openChat();
    await expect.poll(() => page.getByRole('button', { name: 'Helpful', exact: true }).count()).toBe(2);
    await expect.poll(() => page.getByRole('button', { name: 'Not helpful', exact: true }).count()).toBe(2);

    await page.getByRole('button', { name: 'Not helpful', exact: true }).last().click();
    const dialog = dialogOf(page);
    await dialog.getByRole('heading', { name: 'Share feedback' }).waitFor();
    await dialog.getByRole('checkbox', { name: 'Incomplete' }).check();
    await dialog.getByRole('textbox', { name: 'Comment' }).fill(`comment ${keep}`);
    await dialog.getByRole('checkbox', { name: /agree/ }).check();
    await dialog.getByRole('button', { name: 'Send feedback' }).click();
    await expect.poll(() => endpoint.received.length).toBe(1);
    await dialog.getByRole('status').filter({ hasText: 'Sent.' }).waitFor();

    const report = expectVisibleBranchReport(endpoint.received[0]!, chat, leak, keep);
    expect(report.rating).toBe('not_helpful');
    expect(report.reasons).toEqual(['incomplete']);
    expect(report.comment).toBe(`comment ${keep}`);
    expect(report.client.browser).toBe('chrome');
    await page.close();
  });
});

describe('claude.ai lookalike: a living page', () => {
  it('adds controls to answers that stream in, never twice, and re-attaches them in another chat', async () => {
    const other = standardChat(leak, keep);
    other.pageShows = 6; // three answers rendered
    site.chats.set(other.chatId, other);
    const page = await openChat();
    const helpful = page.getByRole('button', { name: 'Helpful', exact: true });
    await expect.poll(() => helpful.count()).toBe(2);

    // An answer streams in: no controls while it streams, controls once it has finished.
    await page.evaluate(() => {
      const last = document.querySelector('#transcript')!.lastElementChild!;
      const copy = last.cloneNode(true) as Element;
      copy.querySelector('[data-is-streaming]')!.setAttribute('data-is-streaming', 'true');
      copy.querySelectorAll('[data-chat-feedback-controls]').forEach((n) => n.remove());
      document.querySelector('#transcript')!.append(copy);
    });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
    expect(await helpful.count()).toBe(2);
    await page.evaluate(() => document.querySelector('[data-is-streaming="true"]')!.setAttribute('data-is-streaming', 'false'));
    await expect.poll(() => helpful.count()).toBe(3);

    // A re-render that moves the same nodes keeps one set of controls per answer.
    await page.evaluate(() => {
      const t = document.querySelector('#transcript')!;
      t.append(...Array.from(t.children));
    });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
    expect(await helpful.count()).toBe(3);

    // Move to another chat without a page load, as the single-page app does.
    await page.evaluate(async (id) => {
      const html = await (await fetch(`/chat/${id}`)).text();
      const next = new DOMParser().parseFromString(html, 'text/html').querySelector('#transcript')!;
      history.pushState({}, '', `/chat/${id}`);
      document.querySelector('#transcript')!.replaceWith(document.adoptNode(next));
    }, other.chatId);
    await expect.poll(() => helpful.count()).toBe(3);
    expect(await page.locator('[data-chat-feedback-controls]').count()).toBe(3);

    // The rating now reads the chat shown: its own API, its own last answer.
    const before = endpoint.received.length;
    await helpful.first().click();
    const dialog = dialogOf(page);
    await dialog.getByRole('button', { name: 'Send feedback' }).waitFor();
    // This profile agreed to this notice and endpoint earlier: no agree step this time.
    expect(await dialog.getByRole('checkbox', { name: /agree/ }).count()).toBe(0);
    await dialog.getByRole('button', { name: 'Send feedback' }).click();
    await expect.poll(() => endpoint.received.length).toBe(before + 1);
    const { report } = Envelope.parse(endpoint.received.at(-1)!.body);
    expect(report.rating).toBe('helpful');
    expect(report.conversation.source).toBe('api');
    expect(report.rated_turn).toBe(branchOf(other).length - 5); // first of the three rendered answers
    await page.close();
  });
});

describe('claude.ai lookalike: when things go wrong', () => {
  it('falls back to the page when the API fails, and says the conversation may be incomplete', async () => {
    site.apiMode = 'fail';
    try {
      const page = await openChat();
      await page.getByRole('button', { name: 'Helpful', exact: true }).last().click();
      const dialog = dialogOf(page);
      await dialog.getByText('The page may not show the whole conversation').waitFor();
      const before = endpoint.received.length;
      await dialog.getByRole('button', { name: 'Send feedback' }).click();
      await expect.poll(() => endpoint.received.length).toBe(before + 1);
      const { report } = Envelope.parse(endpoint.received.at(-1)!.body);
      expect(report.conversation.source).toBe('page');
      expect(report.conversation.complete).toBe(false);
      expect(report.conversation.turns.map((t) => t.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
      expect(JSON.stringify(report)).not.toContain(leak); // the account menu on the page is not read
      await page.close();
    } finally {
      site.apiMode = 'ok';
    }
  });

  it('keeps a report for an endpoint that is down, says so, and delivers it once when the endpoint is back', async () => {
    const down = await startCaptureEndpoint();
    await down.close();
    await configureEndpoint(browser, down.url);
    const page = await openChat();
    await page.getByRole('button', { name: 'Not helpful', exact: true }).first().click();
    const dialog = dialogOf(page);
    await dialog.getByRole('textbox', { name: 'Comment' }).fill('kept across a failure');
    await dialog.getByRole('checkbox', { name: /agree/ }).check(); // a new endpoint is a new notice
    await dialog.getByRole('button', { name: 'Send feedback' }).click();
    await dialog.getByRole('status').filter({ hasText: 'Saved, not delivered yet.' }).filter({ hasText: 'could not be reached' }).waitFor();
    expect(await dialog.getByText('Sent.', { exact: true }).count()).toBe(0);

    const back = await startCaptureEndpoint(down.port);
    try {
      const popup = await browser.context.newPage();
      await popup.goto(browser.extensionUrl('src/popup/index.html'));
      await popup.getByRole('status').filter({ hasText: '1 report(s) waiting' }).waitFor();
      await popup.getByRole('button', { name: 'Retry now' }).click();
      await expect.poll(() => back.received.length).toBe(1);
      await popup.getByRole('status').filter({ hasText: 'No report is waiting' }).waitFor();
      expect(Envelope.parse(back.received[0]!.body).report.comment).toBe('kept across a failure');
      await popup.close();
    } finally {
      await back.close();
      await configureEndpoint(browser, endpoint.url);
    }
    await page.close();
  });

  it('says it cannot read a page whose markup it does not know, and offers nothing to send', async () => {
    site.rawPages.set('/chat/unknown-layout', '<!doctype html><main><div data-is-streaming="false"><canvas></canvas></div></main>');
    site.apiMode = 'fail';
    try {
      const page = await browser.context.newPage();
      await page.goto('https://claude.ai/chat/unknown-layout');
      await page.getByRole('button', { name: 'Helpful', exact: true }).click();
      const dialog = dialogOf(page);
      await dialog.getByText('could not be read').waitFor();
      expect(await dialog.getByRole('button', { name: 'Send feedback' }).count()).toBe(0);
      await page.close();
    } finally {
      site.apiMode = 'ok';
    }
  });
});
