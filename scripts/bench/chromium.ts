// Debian's Chromium, headless, with or without the built extension: the same flags as the e2e
// launcher (test/e2e/support/browser.ts), which always loads the extension and so cannot give
// the baseline. claude.ai resolves to the loopback lookalike; nothing else is reached.
import { chromium, type BrowserContext } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM } from '../../test/e2e/support/browser';

export interface BenchBrowser {
  context: BrowserContext;
  /** chrome-extension://<id>/ prefix, or null without the extension. */
  extensionBase: string | null;
  version: string;
  close(): Promise<void>;
}

export async function launchChromium(opts: { extensionDir: string | null; lookalikePort: number }): Promise<BenchBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'cfc-bench-'));
  const args = [
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--ignore-certificate-errors',
    `--host-resolver-rules=MAP claude.ai 127.0.0.1:${opts.lookalikePort}`,
    ...(opts.extensionDir
      ? [`--disable-extensions-except=${opts.extensionDir}`, `--load-extension=${opts.extensionDir}`]
      : ['--disable-extensions']),
  ];
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM, headless: true, args, ignoreHTTPSErrors: true, locale: 'en-US',
  });
  let extensionBase: string | null = null;
  if (opts.extensionDir) {
    const worker = context.serviceWorkers()[0] ?? await context.waitForEvent('serviceworker');
    extensionBase = `chrome-extension://${new URL(worker.url()).host}/`;
  }
  const version = context.browser()?.version() ?? (await versionFromPage(context));
  return {
    context, extensionBase, version,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** A persistent context has no Browser object; the user agent names the version. */
async function versionFromPage(context: BrowserContext): Promise<string> {
  const page = await context.newPage();
  const ua = await page.evaluate(() => navigator.userAgent);
  await page.close();
  return /(?:Headless)?Chrome\/([\d.]+)/.exec(ua)?.[1] ?? 'unknown';
}
