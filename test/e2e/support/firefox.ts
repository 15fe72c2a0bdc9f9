// Launches Debian's firefox-esr through puppeteer-core over WebDriver BiDi (no geckodriver) and
// installs the add-on as a temporary add-on. Firefox has no host-resolver rules and match patterns
// carry no port, so claude.ai resolves to loopback through `network.dns.localDomains` and the
// lookalike must listen on 443: the shipped match patterns are what runs.
import puppeteer, { type Browser, type ElementHandle, type Frame, type Page } from 'puppeteer-core';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { GECKO_ID } from '../../../manifest.config';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const DIST_FIREFOX = resolve(import.meta.dirname, '../../../dist/firefox');

export interface FirefoxWithAddon {
  browser: Browser;
  /** The add-on's moz-extension host, fixed before install so its pages have known addresses. */
  uuid: string;
  extensionUrl(path: string): string;
  close(): Promise<void>;
}

/** `addon`: an unpacked directory or a packaged zip, installed as a temporary add-on. */
export async function launchFirefox({ addon = DIST_FIREFOX } = {}): Promise<FirefoxWithAddon> {
  if (!existsSync(addon)) throw new Error(`no add-on at ${addon}: run npm run build (or npm run package)`);
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox', executablePath: FIREFOX, headless: true, acceptInsecureCerts: true,
    extraPrefsFirefox: {
      'network.dns.localDomains': 'claude.ai',
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
      'intl.locale.requested': 'en-US',
    },
  });
  try {
    const id = await browser.installExtension(addon);
    if (id !== GECKO_ID) throw new Error(`installed ${id}, expected ${GECKO_ID}`);
  } catch (err) {
    await browser.close();
    throw err;
  }
  return {
    browser, uuid,
    extensionUrl: (path) => `moz-extension://${uuid}/${path}`,
    close: () => browser.close(),
  };
}

type Root = Page | Frame | ElementHandle;

/** The one element with this ARIA role and exact accessible name under `root` (light DOM). */
export async function byRole(root: Root, role: string, name: string, timeout = 10_000): Promise<ElementHandle> {
  const selector = `::-p-aria([name=${JSON.stringify(name)}][role="${role}"])`;
  const found = await root.waitForSelector(selector, { timeout });
  if (!found) throw new Error(`no ${role} named ${name}`);
  return found as ElementHandle;
}

/**
 * Buttons by accessible name inside our controls' open shadow roots: Firefox's BiDi accessibility
 * locator does not descend into shadow trees, so the search starts at each shadow root's group.
 */
export async function controlButtons(page: Page, name: string): Promise<ElementHandle[]> {
  const groups = await page.$$('[data-chat-feedback-controls] >>> [role="group"]');
  const buttons = await Promise.all(groups.map((g) => g.$$(`::-p-aria([name=${JSON.stringify(name)}][role="button"])`)));
  return buttons.flat() as ElementHandle[];
}

/** The dialog, an extension page in a frame over the chat. */
export async function dialogFrame(page: Page): Promise<Frame> {
  const iframe = await page.waitForSelector('[data-chat-feedback-dialog] >>> iframe', { timeout: 10_000 });
  const frame = await iframe?.contentFrame();
  if (!frame) throw new Error('no dialog frame');
  return frame;
}

/**
 * Sets the endpoint the way a user does, in the options page's "Endpoint URL" and "Save".
 * Firefox's remote agent refuses to navigate to moz-extension: pages, so the options page is
 * opened by the extension's own web-accessible dialog page (framed on the lookalike), as the
 * add-on's own link would; from there the test uses it like a user.
 */
export async function configureEndpoint(ff: FirefoxWithAddon, endpoint: string): Promise<void> {
  const host = await ff.browser.newPage();
  await host.goto('https://claude.ai/');
  await host.evaluate((src) => {
    const frame = document.createElement('iframe');
    frame.src = src;
    document.body.append(frame);
  }, ff.extensionUrl('src/dialog/index.html'));
  const frame = await (await host.waitForSelector('iframe'))?.contentFrame();
  if (!frame) throw new Error('no extension frame');
  await frame.waitForFunction(() => document.readyState === 'complete' && location.protocol === 'moz-extension:');
  const pagesBefore = new Set(await ff.browser.pages());
  await frame.evaluate(() => void window.open('/src/options/index.html', '_blank'));
  let options: Page | undefined;
  for (let i = 0; i < 50 && !options; i++) {
    options = (await ff.browser.pages()).find((p) => !pagesBefore.has(p));
    if (!options) await new Promise((r) => setTimeout(r, 100));
  }
  if (!options) throw new Error('the options page did not open');
  const box = await byRole(options, 'textbox', 'Endpoint URL');
  await box.click({ count: 3 });
  await box.type(endpoint);
  await (await byRole(options, 'button', 'Save')).click();
  await options.waitForFunction((url) => [...document.querySelectorAll('[role=status]')].some((s) => s.textContent?.includes(url)), {}, endpoint);
  await options.close();
  await host.close();
}
