// The newcomer's path: the reference collector with its demo chat, the extension pointed at it,
// a rating sent from /demo, and the report on the review page and in both exports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCollector } from '../../src/collector/server';
import { configureEndpoint, launchWithExtension, type ExtensionBrowser } from './support/browser';

const ADMIN = 'e2e-admin-token';
let dir: string;
let collector: Awaited<ReturnType<typeof startCollector>>;
let browser: ExtensionBrowser;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cfc-demo-'));
  collector = await startCollector({ dbPath: join(dir, 'feedback.sqlite'), port: 0, adminToken: ADMIN });
  browser = await launchWithExtension();
  await configureEndpoint(browser, `${collector.url}/v1/feedback`);
});

afterAll(async () => {
  await browser?.close();
  await collector?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('demo chat with the reference collector', () => {
  it('sends a rating from /demo that the review page shows and both exports carry', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${collector.url}/demo`);
    const notHelpful = page.getByRole('button', { name: 'Not helpful', exact: true });
    await expect.poll(() => notHelpful.count()).toBeGreaterThan(1);
    await notHelpful.last().click();
    const dialog = page.frameLocator('[data-chat-feedback-dialog] iframe');
    await dialog.getByRole('heading', { name: 'Share feedback' }).waitFor();
    // The collector declares its policy; the explainer puts it into words.
    await dialog.getByText('declares a policy').first().waitFor();
    await dialog.getByRole('checkbox', { name: 'Not factually correct' }).check();
    await dialog.getByRole('textbox', { name: 'Comment' }).fill('demo e2e comment');
    await dialog.getByRole('checkbox', { name: /agree/ }).check();
    await dialog.getByRole('button', { name: 'Send feedback' }).click();
    await dialog.getByRole('status').filter({ hasText: 'Sent.' }).waitFor();
    await page.close();

    const review = await browser.context.newPage();
    await review.setExtraHTTPHeaders({ authorization: `Bearer ${ADMIN}` });
    await review.goto(`${collector.url}/`);
    const row = review.getByRole('row').filter({ hasText: 'demo e2e comment' });
    await row.waitFor();
    expect(await row.getByRole('cell', { name: 'Not helpful' }).count()).toBe(1);
    await row.getByRole('link', { name: /^Open / }).click();
    await review.getByRole('heading', { name: /^Report / }).waitFor();
    await review.close();

    const headers = { authorization: `Bearer ${ADMIN}` };
    const jsonl = await (await fetch(`${collector.url}/v1/export?format=jsonl`, { headers })).text();
    const rows = jsonl.trim().split('\n').map((line) => JSON.parse(line) as { id: string; report: { comment: string; reasons: string[] } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.report).toMatchObject({ comment: 'demo e2e comment', reasons: ['not_factual'] });
    expect(JSON.stringify(rows[0])).not.toMatch(/reporter|contact/);
    const kto = await (await fetch(`${collector.url}/v1/export?format=kto`, { headers })).text();
    const row0 = JSON.parse(kto.trim().split('\n')[0]!) as { prompt: { role: string }[]; completion: { role: string }[]; label: boolean };
    expect(row0.label).toBe(false);
    expect(row0.prompt.at(-1)?.role).toBe('user');
    expect(row0.completion[0]?.role).toBe('assistant');
    // No identity without credentials: the export refuses an anonymous request.
    expect((await fetch(`${collector.url}/v1/export?format=jsonl`)).status).toBe(401);
  });
});
