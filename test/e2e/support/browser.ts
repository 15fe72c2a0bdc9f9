// Launches Debian's Chromium with the built, unpacked extension, the shipped match patterns
// reaching the lookalike through a host-resolver rule (no test-only match patterns).
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const DIST_CHROME = resolve(import.meta.dirname, '../../../dist/chrome');

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  userDataDir: string;
  extensionUrl(path: string): string;
  close(options?: { keepProfile?: boolean }): Promise<void>;
}

/** `extensionDir`: the unpacked extension to load (default: the build in dist/chrome). */
export async function launchWithExtension(opts: { lookalikePort?: number; lang?: string; userDataDir?: string; extensionDir?: string } = {}): Promise<ExtensionBrowser> {
  const extensionDir = opts.extensionDir ?? DIST_CHROME;
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`no build at ${extensionDir}: run npm run build`);
  const userDataDir = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'cfc-e2e-'));
  const args = [
    `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`,
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync',
  ];
  if (opts.lookalikePort) args.push(`--host-resolver-rules=MAP claude.ai 127.0.0.1:${opts.lookalikePort}`, '--ignore-certificate-errors');
  if (opts.lang) args.push(`--lang=${opts.lang}`);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM, headless: true, args, ignoreHTTPSErrors: true,
    ...(opts.lang ? { locale: opts.lang } : {}),
  });
  const worker = context.serviceWorkers()[0] ?? await context.waitForEvent('serviceworker');
  const extensionId = new URL(worker.url()).host;
  return {
    context, extensionId, userDataDir,
    extensionUrl: (path) => `chrome-extension://${extensionId}/${path}`,
    async close({ keepProfile = false } = {}) {
      await context.close();
      if (!keepProfile) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Sets the endpoint the way a user does: the options page's "Endpoint URL" and "Save". */
export async function configureEndpoint(browser: ExtensionBrowser, endpoint: string): Promise<void> {
  const page: Page = await browser.context.newPage();
  await page.goto(browser.extensionUrl('src/options/index.html'));
  await page.getByRole('textbox', { name: 'Endpoint URL' }).fill(endpoint);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('status').filter({ hasText: endpoint }).waitFor();
  await page.close();
}
