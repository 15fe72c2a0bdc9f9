// Markup in a conversation is text everywhere the conversation is shown: the dialog's preview
// and its exact JSON, the history page's exact body, and the collector's review page. Each canary,
// if it ever ran or loaded, would set a global, hit the canary server or trip the page's CSP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Frame, type Page } from 'playwright-core';
import { startCollector, type RunningCollector } from '../../src/collector/server';
import { Envelope } from '../../src/shared/schema';
import { CHROMIUM, configureEndpoint, launchWithExtension, type ExtensionBrowser } from './support/browser';
import { startCaptureEndpoint, startLookalike, type CaptureEndpoint, type Lookalike } from './support/servers';
import { standardChat, type LookalikeChat } from './support/claude-lookalike';

const ADMIN = 'admin-token-for-the-xss-test';
let canaryHits: string[];
let canary: Server;
let canaryUrl: string;
let chat: LookalikeChat;
let site: Lookalike;
let refusing: CaptureEndpoint;
let collector: RunningCollector;
let dbDir: string;
let browser: ExtensionBrowser;

/** Markup that, parsed as HTML anywhere, loads from the canary server or sets window.__xss. */
const markup = (where: string) => `<img src="${canaryUrl}/${where}-img" onerror="window.__xss='${where}';fetch('${canaryUrl}/${where}-onerror')">`
  + `<script>window.__xss='${where}-script';fetch('${canaryUrl}/${where}-script')</script><b>bold-${where}</b>`;

/** Records, in every frame, a global the canaries would set and any CSP violation. */
function watchForCanaries(): void {
  const w = window as unknown as { __csp: string[] };
  w.__csp = [];
  addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
}
const ranNothing = async (where: Page | Frame) => {
  expect(await where.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
  expect(await where.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])).toEqual([]);
  expect(await where.locator('img, script:not([src]), b').count()).toBe(0);
};

beforeAll(async () => {
  canaryHits = [];
  canary = createServer((req, res) => {
    canaryHits.push(req.url ?? '');
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => canary.listen(0, '127.0.0.1', r));
  canaryUrl = `http://127.0.0.1:${(canary.address() as AddressInfo).port}`;

  chat = standardChat(`LEAK${Date.now()}`, 'KEEP');
  const [user, answer] = [chat.messages.find((m) => m.index === 10)!, chat.messages.find((m) => m.index === 11)!];
  user.content.push({ type: 'text', text: markup('user'), citations: [] });
  answer.content.push({ type: 'text', text: markup('assistant'), citations: [] });
  const pasted = chat.messages.find((m) => m.index === 2)!.attachments![0] as { file_name: string; extracted_content: string };
  pasted.extracted_content += `\n${markup('pasted')}`;

  // The review page is served from its build; build it from the source under test.
  execFileSync('npx', ['vite', 'build', '-c', 'scripts/vite.review.config.ts', '--logLevel', 'warn'], { cwd: resolve(import.meta.dirname, '../..') });
  dbDir = mkdtempSync(join(tmpdir(), 'cfc-xss-'));
  [site, refusing, collector] = await Promise.all([
    startLookalike([chat]), startCaptureEndpoint(),
    startCollector({ dbPath: join(dbDir, 'reports.db'), port: 0, adminToken: ADMIN, log: () => {} }),
  ]);
  browser = await launchWithExtension({ lookalikePort: site.port });
  await browser.context.addInitScript(watchForCanaries);
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([site?.close(), refusing?.close(), collector?.close(), new Promise((r) => canary?.close(r))]);
  if (dbDir) rmSync(dbDir, { recursive: true, force: true });
});

/** Rates the last answer, checks the preview and its exact JSON, and sends; answers the frame. */
async function rateAndSend(): Promise<{ page: Page; frame: Frame }> {
  const page = await browser.context.newPage();
  await page.goto(`https://claude.ai/chat/${chat.chatId}`);
  await page.getByRole('button', { name: 'Not helpful', exact: true }).last().click();
  const dialog = page.frameLocator('[data-chat-feedback-dialog] iframe');
  const preview = dialog.getByRole('region', { name: 'What will be sent' });
  for (const where of ['user', 'assistant', 'pasted']) await preview.getByText(markup(where), { exact: false }).first().waitFor();
  await dialog.getByRole('button', { name: 'Exact data sent (JSON)' }).click();
  const json = await dialog.getByLabel('Exact JSON body').textContent();
  expect(json).toContain(JSON.stringify(markup('assistant')).slice(1, -1));
  await dialog.getByRole('checkbox', { name: /agree/ }).check();
  await dialog.getByRole('button', { name: 'Send feedback' }).click();
  const frame = await (await page.locator('[data-chat-feedback-dialog] iframe').elementHandle())!.contentFrame();
  return { page, frame: frame! };
}

describe('markup in a conversation stays text', () => {
  it('in the dialog preview, its exact JSON, and the history page\'s exact body', async () => {
    refusing.script.push({ status: 400, body: '{"message":"refused for the test"}' });
    await configureEndpoint(browser, refusing.url);
    const { page, frame } = await rateAndSend();
    await page.frameLocator('[data-chat-feedback-dialog] iframe').getByText('Not sent.').waitFor();
    await ranNothing(frame);
    await ranNothing(page);

    const history = await browser.context.newPage();
    await history.goto(browser.extensionUrl('src/history/index.html'));
    await history.getByText('Exact JSON body').click();
    const body = await history.locator('details pre').textContent();
    expect(body).toContain(JSON.stringify(markup('user')).slice(1, -1));
    await ranNothing(history);
    await Promise.all([page.close(), history.close()]);
  });

  it('on the collector\'s review page, in the full view and its JSON', async () => {
    await configureEndpoint(browser, `${collector.url}/v1/feedback`);
    const { page, frame } = await rateAndSend();
    await page.frameLocator('[data-chat-feedback-dialog] iframe').getByRole('status').filter({ hasText: 'Sent.' }).waitFor();
    await ranNothing(frame);

    const reviewer = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const context = await reviewer.newContext({ httpCredentials: { username: 'admin', password: ADMIN } });
      await context.addInitScript(watchForCanaries);
      const review = await context.newPage();
      await review.goto(`${collector.url}/`);
      await review.getByRole('link', { name: /^Open / }).first().click();
      const conversation = review.locator('.conversation');
      for (const where of ['user', 'assistant', 'pasted']) await conversation.getByText(markup(where), { exact: false }).first().waitFor();
      await review.getByText('Report as JSON').click();
      const raw = await review.locator('details pre').textContent();
      const { report } = Envelope.parse({ report: JSON.parse(raw!) });
      expect(JSON.stringify(report.conversation)).toContain(JSON.stringify(markup('pasted')).slice(1, -1));
      await ranNothing(review);
    } finally {
      await reviewer.close();
    }
    await page.close();
    expect(canaryHits).toEqual([]);
  });
});
