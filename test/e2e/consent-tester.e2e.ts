// Trusted-tester mode through the UI in Chromium: off by default, on only after its own
// explainer and agreement; then the thumbs send after an undo window (nothing before it), Undo
// sends nothing, Share conversation sends the whole conversation without a rating, every such
// report carries the tester consent, and after turning it off reports are ordinary again.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TESTER_NOTICE_VERSION } from '../../src/core/notice';
import { Envelope } from '../../src/shared/schema';
import type { ExtensionBrowser } from './support/browser';
import type { CaptureEndpoint, Lookalike } from './support/servers';
import { startLookalikeSetup, stopLookalikeSetup } from './support/lookalike-setup';
import { branchOf, standardChat, type LookalikeChat } from './support/claude-lookalike';
import { dialogOf, openChat, openOptions } from './consent-helpers';

const CONTACT = `tester-${randomUUID().slice(0, 6)}@example.org`;
const leak = `LEAK${randomUUID().slice(0, 8)}`;
let chat: LookalikeChat;
let site: Lookalike;
let endpoint: CaptureEndpoint;
let browser: ExtensionBrowser;

beforeAll(async () => {
  chat = standardChat(leak, `KEEP${randomUUID().slice(0, 8)}`);
  ({ site, endpoint, browser } = await startLookalikeSetup(chat));
});

afterAll(() => stopLookalikeSetup({ site, endpoint, browser }));

const received = () => endpoint.received.map((r) => Envelope.parse(r.body));

describe('trusted-tester mode', () => {
  it('is off by default and turns on only after agreeing to its own explainer', async () => {
    const options = await openOptions(browser);
    await options.getByRole('textbox', { name: 'Contact for follow-up questions (optional)' }).fill(CONTACT);
    await options.getByRole('button', { name: 'Save' }).click();
    await options.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    const mode = options.getByRole('switch', { name: 'Trusted-tester mode' });
    expect(await mode.isChecked()).toBe(false);
    await mode.click();
    expect(await mode.isChecked()).toBe(false);
    const terms = options.getByRole('region', { name: 'Trusted-tester programme' });
    await terms.getByText(/One-click reports/).waitFor();
    expect(await terms.getByRole('button', { name: 'Turn on trusted-tester mode' }).isDisabled()).toBe(true);
    await terms.getByRole('checkbox', { name: /agree to join the trusted-tester programme/ }).check();
    await terms.getByRole('button', { name: 'Turn on trusted-tester mode' }).click();
    await options.getByRole('status').filter({ hasText: 'Trusted-tester mode is on.' }).waitFor();
    await expect.poll(() => mode.isChecked()).toBe(true);
    await options.getByText(/On since .* \(notice version/).waitFor();
    await options.close();
  });

  it('sends a one-click report only after the undo window, carrying the tester consent and the contact beside it', async () => {
    const page = await openChat(browser, chat.chatId);
    await expect.poll(() => page.getByRole('img', { name: 'Trusted-tester mode is on' }).count()).toBe(2);
    const controls = page.locator('[data-chat-feedback-controls]').last();
    const clicked = Date.now();
    await controls.getByRole('button', { name: 'Helpful', exact: true }).click();
    await controls.getByRole('status').filter({ hasText: 'Sending in a few seconds.' }).waitFor();
    await controls.getByRole('button', { name: 'Undo' }).waitFor();
    expect(await page.locator('[data-chat-feedback-dialog]').count()).toBe(0);
    // Nothing leaves before the undo window has passed.
    await expect.poll(() => endpoint.received.length, { timeout: 10_000 }).toBe(1);
    expect(Date.now() - clicked).toBeGreaterThanOrEqual(5_000);
    await controls.getByRole('status').filter({ hasText: 'Sent.' }).waitFor();

    const [{ report, reporter }] = received() as [Envelope];
    expect(report.consent).toMatchObject({ notice_version: TESTER_NOTICE_VERSION, locale: 'en', trusted_tester: true });
    expect(report).toMatchObject({ schema_version: 2, kind: 'rating', rating: 'helpful', comment: '' });
    expect(reporter).toEqual({ contact: CONTACT });
    expect(JSON.stringify(report)).not.toContain(CONTACT);
    expect(JSON.stringify(report)).not.toContain(leak); // integration content and identity stay out
    await page.close();
  });

  it('sends nothing when Undo is pressed', async () => {
    const page = await openChat(browser, chat.chatId);
    const controls = page.locator('[data-chat-feedback-controls]').last();
    await controls.getByRole('button', { name: 'Not helpful', exact: true }).click();
    await controls.getByRole('button', { name: 'Undo' }).click();
    await controls.getByRole('status').filter({ hasText: 'Not sent.' }).waitFor();
    // A later one-click report on the other answer arrives after the undone one would have:
    // when it is there, the undone one is proven absent.
    const other = page.locator('[data-chat-feedback-controls]').first();
    await other.getByRole('button', { name: 'Helpful', exact: true }).click();
    await expect.poll(() => endpoint.received.length, { timeout: 15_000 }).toBe(2);
    expect(received().map((e) => e.report.rating)).toEqual(['helpful', 'helpful']);
    await page.close();
  });

  it('shares a whole conversation without a rating', async () => {
    const page = await openChat(browser, chat.chatId);
    const controls = page.locator('[data-chat-feedback-controls]').first();
    await controls.getByRole('button', { name: 'Share conversation' }).click();
    await expect.poll(() => endpoint.received.length, { timeout: 15_000 }).toBe(3);
    const { report } = received()[2]!;
    expect(report).toMatchObject({ kind: 'share', rating: null, rated_turn: null, reasons: [], consent: { trusted_tester: true } });
    expect(report.conversation.turns).toHaveLength(branchOf(chat).length);
    await page.close();
  });

  it('can be turned off at any time: the thumbs open the dialog again and reports are ordinary', async () => {
    const options = await openOptions(browser);
    await options.getByRole('switch', { name: 'Trusted-tester mode' }).click();
    await options.getByRole('status').filter({ hasText: 'Trusted-tester mode is off.' }).waitFor();
    await options.close();

    const page = await openChat(browser, chat.chatId);
    await expect.poll(() => page.getByRole('button', { name: 'Helpful', exact: true }).count()).toBe(2);
    expect(await page.getByRole('img', { name: 'Trusted-tester mode is on' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Share conversation' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Helpful', exact: true }).last().click();
    const dialog = dialogOf(page);
    // The tester agreement does not stand in for the ordinary one.
    await dialog.getByRole('checkbox', { name: /agree/ }).check();
    await dialog.getByRole('button', { name: 'Send feedback' }).click();
    await expect.poll(() => endpoint.received.length).toBe(4);
    expect(received()[3]!.report.consent.trusted_tester).toBe(false);
    await page.close();
  });
});
