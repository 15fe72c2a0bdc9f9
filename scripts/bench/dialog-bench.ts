// Click to dialog, and Send to delivered, in Chromium with the built extension and the real
// collector on loopback. Times are taken inside the frames (see probes.ts: the page stamps the
// trusted click, the dialog frame stamps its heading, its form, the Send click and "Sent."), in
// epoch milliseconds so the page and the extension frame compare.
import type { Frame, Page } from 'playwright-core';
import type { BenchBrowser } from './chromium';
import type { PageRecord } from './probes';

export interface DialogRun {
  /** Trusted click on Helpful → the dialog's heading in the frame's DOM, and a frame later. */
  clickToHeadingMs: number;
  clickToHeadingPaintedMs: number;
  /** Click → the form with the preview and Send (the conversation read, the report built). */
  clickToFormMs: number;
  /** Click on Send → "Sent." shown (the background posted, the collector answered 201). */
  sendToSentMs: number | null;
  /** Click on Send → the collector's received_at for the report. */
  sendToStoredMs: number | null;
  /** Extension files the page fetched before the click, and after it (paths in the extension). */
  loadedBeforeClick: string[];
  loadedAfterClick: string[];
}

const recordOf = (target: Page | Frame) => target.evaluate(() => {
  const { stopLoadWatch: _s, ...rest } = (window as unknown as { __bench: PageRecord }).__bench;
  return rest;
});

async function dialogFrame(page: Page): Promise<Frame> {
  const handle = await page.locator('[data-chat-feedback-dialog] iframe').elementHandle({ timeout: 30_000 });
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error('no dialog frame');
  return frame;
}

export interface Collector { url: string; adminToken: string }

async function latestReceivedAt(collector: Collector): Promise<number | null> {
  const res = await fetch(`${collector.url}/api/reports`, { headers: { authorization: `Bearer ${collector.adminToken}` } });
  const page = await res.json() as { reports?: { received_at: string }[] };
  const first = page.reports?.[0];
  return first ? Date.parse(first.received_at) : null;
}

export async function dialogRun(browser: BenchBrowser, url: string, opts: { send: boolean; collector: Collector | null }): Promise<DialogRun> {
  const page = await browser.context.newPage();
  const base = browser.extensionBase ?? 'chrome-extension://';
  const loaded: string[] = [];
  const onRequest = (req: { url(): string }) => { if (req.url().startsWith(base)) loaded.push(req.url().slice(base.length)); };
  browser.context.on('request', onRequest);
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    const helpful = page.getByRole('button', { name: 'Helpful', exact: true }).last();
    await helpful.waitFor({ timeout: 30_000 });
    await page.waitForTimeout(300);
    const loadedBeforeClick = [...loaded];
    await helpful.click();
    const frame = await dialogFrame(page);
    const dialog = page.frameLocator('[data-chat-feedback-dialog] iframe');
    await dialog.getByRole('button', { name: 'Send feedback' }).waitFor({ timeout: 30_000 });
    await page.waitForTimeout(100);
    const clickAt = (await recordOf(page)).clickAt;
    const opened = await recordOf(frame);
    if (clickAt === null || opened.headingAt === null || opened.headingPaintedAt === null || opened.formAt === null) {
      throw new Error('the page or the dialog frame did not record its times');
    }
    const open = {
      clickToHeadingMs: opened.headingAt - clickAt,
      clickToHeadingPaintedMs: opened.headingPaintedAt - clickAt,
      clickToFormMs: opened.formAt - clickAt,
    };
    let sendToSentMs: number | null = null;
    let sendToStoredMs: number | null = null;
    if (opts.send) {
      const agree = dialog.getByRole('checkbox', { name: /agree/ });
      if (await agree.count() > 0) await agree.check();
      await dialog.getByRole('button', { name: 'Send feedback' }).click();
      await dialog.getByRole('status').filter({ hasText: 'Sent.' }).waitFor({ timeout: 30_000 });
      await page.waitForTimeout(100);
      const inFrame = await recordOf(frame);
      if (inFrame.sendClickAt === null || inFrame.sentAt === null) throw new Error('the dialog did not record the send');
      sendToSentMs = inFrame.sentAt - inFrame.sendClickAt;
      const stored = opts.collector ? await latestReceivedAt(opts.collector) : null;
      sendToStoredMs = stored === null ? null : stored - inFrame.sendClickAt;
    }
    return { ...open, sendToSentMs, sendToStoredMs, loadedBeforeClick, loadedAfterClick: loaded.slice(loadedBeforeClick.length) };
  } finally {
    browser.context.off('request', onRequest);
    await page.close();
  }
}
