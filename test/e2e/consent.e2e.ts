// Issue 5 through the UI in Chromium (English): first-run onboarding, nothing sent before
// consent, a reporter contact only beside the report (stored apart by the reference collector),
// a changed notice asks again, withdrawing stops sending and clears the outbox, and a language
// chosen in options reaches the controls, the dialog and the consent record.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Envelope, type AnyReport } from '../../src/shared/schema';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';
import { startLookalike, type Lookalike } from './support/servers';
import { standardChat, type LookalikeChat } from './support/claude-lookalike';
import { dialogOf, openChat, openOptions, startTestCollector, type TestCollector } from './consent-helpers';

const CONTACT = `qa-${randomUUID().slice(0, 6)}@example.org`;
let chat: LookalikeChat;
let site: Lookalike;
let collector: TestCollector;
let browser: ExtensionBrowser;

beforeAll(async () => {
  chat = standardChat(`LEAK${randomUUID().slice(0, 8)}`, `KEEP${randomUUID().slice(0, 8)}`);
  [site, collector] = await Promise.all([startLookalike([chat]), startTestCollector('QA Lab A')]);
  browser = await launchWithExtension({ lookalikePort: site.port });
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([site?.close(), collector?.close()]);
});

const stored = (): AnyReport[] => collector.rows().reports.map((r) => JSON.parse(r.report) as AnyReport);
async function welcomePage(): Promise<Page> {
  const isWelcome = (p: Page) => p.url().endsWith('src/options/index.html#welcome');
  let found: Page | undefined;
  // The tab opens on install; its address may settle a moment after the tab appears.
  await expect.poll(() => (found = browser.context.pages().find(isWelcome)) !== undefined, { timeout: 15_000 }).toBe(true);
  return found!;
}

describe('consent, in English', () => {
  it('opens the options page on install with a short onboarding, where the endpoint and a contact are set', async () => {
    const page = await welcomePage();
    const welcome = page.getByRole('region', { name: 'Welcome' });
    await welcome.getByText('nothing is sent until you agree').waitFor();
    await page.getByRole('textbox', { name: 'Endpoint URL' }).fill(collector.endpoint);
    await page.getByRole('textbox', { name: 'Contact for follow-up questions (optional)' }).fill(CONTACT);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: collector.endpoint }).waitFor();
    await page.getByText('You have not agreed to share reports.').waitFor();
    await page.close();
  });

  it('sends nothing before consent, then the report with the contact only in the reporter part, stored apart', async () => {
    const page = await openChat(browser, chat.chatId);
    await page.getByRole('button', { name: 'Helpful', exact: true }).last().click();
    const dialog = dialogOf(page);
    await dialog.getByRole('heading', { name: 'Share feedback' }).waitFor();
    await dialog.getByText('Run by: QA Lab A').waitFor();
    await dialog.getByRole('link', { name: 'What is shared: the full explanation' }).waitFor();
    expect(await dialog.getByRole('button', { name: 'Send feedback' }).isDisabled()).toBe(true);
    expect(stored()).toEqual([]); // Send is disabled: nothing can have left

    expect(await dialog.getByRole('checkbox', { name: `Attach my contact (${CONTACT}) for follow-up questions` }).isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Exact data sent (JSON)' }).click();
    const preview = Envelope.parse(JSON.parse(await dialog.getByLabel('Exact JSON body').textContent() ?? ''));
    expect(preview.reporter).toEqual({ contact: CONTACT });
    expect(JSON.stringify(preview.report)).not.toContain(CONTACT);

    await dialog.getByRole('checkbox', { name: /agree/ }).check();
    await dialog.getByRole('button', { name: 'Send feedback' }).click();
    await dialog.getByRole('status').filter({ hasText: 'Sent.' }).waitFor();

    const { reports, contacts } = collector.rows();
    expect(reports).toHaveLength(1);
    expect(reports[0]!.report).not.toContain(CONTACT);
    expect(contacts).toEqual([{ link: reports[0]!.contact_link, contact: CONTACT }]);
    const [report] = stored();
    expect(report).toMatchObject({ id: preview.report.id, consent: { locale: 'en', trusted_tester: false } });
    await page.close();
  });

  it('asks again when the endpoint declares another policy; a contact can be left out of one report', async () => {
    await collector.restart('QA Lab B');
    const page = await openChat(browser, chat.chatId);
    await page.getByRole('button', { name: 'Not helpful', exact: true }).last().click();
    const dialog = dialogOf(page);
    await dialog.getByText('Run by: QA Lab B').waitFor();
    const agree = dialog.getByRole('checkbox', { name: /agree/ });
    await agree.waitFor();
    expect(await dialog.getByRole('button', { name: 'Send feedback' }).isDisabled()).toBe(true);
    await dialog.getByRole('checkbox', { name: /Attach my contact/ }).uncheck();
    await agree.check();
    await dialog.getByRole('button', { name: 'Send feedback' }).click();
    await dialog.getByRole('status').filter({ hasText: 'Sent.' }).waitFor();
    const { reports, contacts } = collector.rows();
    expect(reports).toHaveLength(2);
    expect(reports[1]!.contact_link).toBeNull();
    expect(contacts).toHaveLength(1);
    expect(stored()[1]!.consent.notice_hash).not.toBe(stored()[0]!.consent.notice_hash);
    await page.close();
  });

  it('stops sending when consent is withdrawn, and clears the outbox after a confirmation', async () => {
    // The endpoint is down: the next report waits in the outbox.
    await collector.stop();
    const page = await openChat(browser, chat.chatId);
    await page.getByRole('button', { name: 'Helpful', exact: true }).last().click();
    const dialog = dialogOf(page);
    await dialog.getByRole('textbox', { name: 'Comment' }).fill('must never arrive');
    // A silent endpoint declares no policy, which is another notice: the agree step is back.
    await dialog.getByText(/declares no policy/).waitFor();
    await dialog.getByRole('checkbox', { name: /agree/ }).check();
    await dialog.getByRole('button', { name: 'Send feedback' }).click();
    await dialog.getByRole('status').filter({ hasText: 'Saved, not delivered yet.' }).waitFor();
    const queued = Envelope.parse(JSON.parse(await (async () => {
      await dialog.getByRole('button', { name: 'Exact data sent (JSON)' }).click();
      return await dialog.getByLabel('Exact JSON body').textContent() ?? '';
    })()));
    await page.close();

    const options = await openOptions(browser);
    await options.getByText(/You agreed on .* to notice version/).waitFor();
    await options.getByRole('button', { name: 'Withdraw agreement' }).click();
    const confirm = options.getByRole('group', { name: /Withdraw your agreement\?/ });
    await confirm.getByText(/the 1 report\(s\) still waiting in the outbox are deleted/).waitFor();
    await confirm.getByRole('button', { name: 'Withdraw and clear the outbox' }).click();
    await options.getByRole('status').filter({ hasText: '1 waiting report(s) deleted' }).waitFor();
    await options.getByText('You have not agreed to share reports.').waitFor();

    // Back up again: the withdrawn report never arrives, and the background refuses a send.
    await collector.restart('QA Lab B');
    const answer = await options.evaluate(([envelope, endpoint]) => chrome.runtime.sendMessage({ type: 'report:send', envelope, endpoint }),
      [queued, collector.endpoint] as const);
    expect(answer).toEqual({ ok: false, error: 'consent_missing' });
    const popup = await browser.context.newPage();
    await popup.goto(browser.extensionUrl('src/popup/index.html'));
    await popup.getByRole('status').filter({ hasText: 'No report is waiting' }).waitFor();
    expect(stored().map((r) => r.comment)).not.toContain('must never arrive');
    expect(stored()).toHaveLength(2);

    // The dialog asks for agreement again.
    const again = await openChat(browser, chat.chatId);
    await again.getByRole('button', { name: 'Helpful', exact: true }).last().click();
    await dialogOf(again).getByRole('checkbox', { name: /agree/ }).waitFor();
    await Promise.all([again.close(), popup.close(), options.close()]);
  });

  it('shows controls, dialog and options in the language chosen in options, and records it', async () => {
    const options = await openOptions(browser);
    await options.getByRole('combobox', { name: 'Language' }).selectOption('de');
    await options.getByRole('button', { name: 'Save' }).click();
    await options.getByRole('heading', { name: 'Ihre Zustimmung' }).waitFor();
    await options.close();

    const page = await openChat(browser, chat.chatId);
    await page.getByRole('button', { name: 'Hilfreich', exact: true }).last().click();
    const dialog = dialogOf(page);
    await dialog.getByRole('heading', { name: 'Feedback teilen' }).waitFor();
    await dialog.getByRole('textbox', { name: 'Kommentar' }).fill('auf Deutsch');
    await dialog.getByRole('checkbox', { name: /stimm/ }).check();
    await dialog.getByRole('button', { name: 'Feedback senden' }).click();
    await dialog.getByRole('status').filter({ hasText: 'Gesendet.' }).waitFor();
    const last = stored().at(-1)!;
    expect(last.comment).toBe('auf Deutsch');
    expect(last.consent.locale).toBe('de');
    await page.close();
  });
});
