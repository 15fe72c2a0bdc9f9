// The Chrome Web Store package (npm run package) is a loadable extension: its contents, unzipped,
// load unpacked in Chromium, the service worker starts, and the controls appear on claude.ai.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pkg from '../../package.json' with { type: 'json' };
import { launchWithExtension, type ExtensionBrowser } from './support/browser';
import { startLookalike, type Lookalike } from './support/servers';
import { standardChat, type LookalikeChat } from './support/claude-lookalike';

const CHROME_ZIP = resolve(import.meta.dirname, `../../dist/packages/chat-feedback-capture-chrome-${pkg.version}.zip`);
let unpacked: string;
let chat: LookalikeChat;
let site: Lookalike;
let browser: ExtensionBrowser;

beforeAll(async () => {
  unpacked = mkdtempSync(join(tmpdir(), 'cfc-chrome-zip-'));
  execFileSync('unzip', ['-q', CHROME_ZIP, '-d', unpacked]);
  chat = standardChat('LEAK', 'KEEP');
  site = await startLookalike([chat]);
  browser = await launchWithExtension({ extensionDir: unpacked, lookalikePort: site.port });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (unpacked) rmSync(unpacked, { recursive: true, force: true });
});

it('loads unpacked from the store zip: the service worker starts and the controls appear', async () => {
  const worker = browser.context.serviceWorkers()[0]!;
  expect(worker.url()).toBe(browser.extensionUrl('service-worker-loader.js'));
  expect(await worker.evaluate(() => chrome.runtime.getManifest().version)).toBe(pkg.version);
  const page = await browser.context.newPage();
  await page.goto(`https://claude.ai/chat/${chat.chatId}`);
  await expect.poll(() => page.getByRole('button', { name: 'Helpful', exact: true }).count()).toBe(2);
  await page.close();
});
