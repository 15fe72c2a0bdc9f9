// The consent flow in German (Chromium with --lang=de, language "auto"): the names QA looks for,
// the full explainer page, an ordinary report and a tester's shared conversation, each recording
// the language of the text actually shown. (Debian's Chromium ships en-US UI strings only, so
// getUILanguage stays en-US while i18n.getMessage reads _locales/de: the record says "de".)
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Envelope } from '../../src/shared/schema';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';
import { startCaptureEndpoint, startLookalike, type CaptureEndpoint, type Lookalike } from './support/servers';
import { standardChat, type LookalikeChat } from './support/claude-lookalike';
import { dialogOf, openChat, openOptions } from './consent-helpers';

let chat: LookalikeChat;
let site: Lookalike;
let endpoint: CaptureEndpoint;
let browser: ExtensionBrowser;

beforeAll(async () => {
  chat = standardChat(`LEAK${randomUUID().slice(0, 8)}`, `KEEP${randomUUID().slice(0, 8)}`);
  [site, endpoint] = await Promise.all([startLookalike([chat]), startCaptureEndpoint()]);
  browser = await launchWithExtension({ lookalikePort: site.port, lang: 'de' });
  const options = await openOptions(browser);
  await options.getByRole('textbox', { name: 'Endpunkt-URL' }).fill(endpoint.url);
  await options.getByRole('button', { name: 'Speichern' }).click();
  await options.getByRole('status').filter({ hasText: endpoint.url }).waitFor();
  await options.close();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([site?.close(), endpoint?.close()]);
});

const received = () => endpoint.received.map((r) => Envelope.parse(r.body));

describe('consent, in German', () => {
  it('explains in full what is shared, naming the receiver', async () => {
    const page = await browser.context.newPage();
    await page.goto(browser.extensionUrl('src/explainer/index.html'));
    await page.getByRole('heading', { level: 1, name: 'Was geteilt wird' }).waitFor();
    await page.getByRole('region', { name: 'Wer ihn erhält' }).getByText(`Ihr Bericht geht an ${new URL(endpoint.url).origin}`).waitFor();
    await page.getByText(/nicht das eigene Feedback des Chat-Anbieters/).waitFor();
    await page.getByRole('region', { name: 'Programm für vertrauenswürdige Tester' }).waitFor();
    await page.close();
  });

  it('asks for agreement and sends nothing before it; the record names the language shown', async () => {
    const page = await openChat(browser, chat.chatId);
    await page.getByRole('button', { name: 'Nicht hilfreich', exact: true }).last().click();
    const dialog = dialogOf(page);
    await dialog.getByRole('heading', { name: 'Feedback teilen' }).waitFor();
    await dialog.getByRole('button', { name: 'Abbrechen' }).waitFor();
    await dialog.getByRole('link', { name: 'Was geteilt wird: die ausführliche Erklärung' }).waitFor();
    expect(await dialog.getByRole('button', { name: 'Feedback senden' }).isDisabled()).toBe(true);
    await dialog.getByRole('textbox', { name: 'Kommentar' }).fill('zu kurz');
    expect(endpoint.received).toHaveLength(0); // Send is disabled: nothing can leave
    await dialog.getByRole('checkbox', { name: /stimm/ }).check();
    await dialog.getByRole('button', { name: 'Feedback senden' }).click();
    await dialog.getByRole('status').filter({ hasText: 'Gesendet.' }).waitFor();
    expect(received()[0]!.report).toMatchObject({ comment: 'zu kurz', rating: 'not_helpful', consent: { locale: 'de', trusted_tester: false } });
    await page.close();
  });

  it('lets a tester share a conversation in one click, with Undo, labelled as the programme\'s', async () => {
    const options = await openOptions(browser);
    await options.getByRole('switch', { name: 'Testermodus' }).click();
    const terms = options.getByRole('region', { name: 'Programm für vertrauenswürdige Tester' });
    await terms.getByRole('checkbox', { name: /stimme zu/ }).check();
    await terms.getByRole('button', { name: 'Testermodus einschalten' }).click();
    await options.getByRole('status').filter({ hasText: 'Der Testermodus ist eingeschaltet.' }).waitFor();
    await options.close();

    const page = await openChat(browser, chat.chatId);
    await expect.poll(() => page.getByRole('img', { name: 'Testermodus ist eingeschaltet' }).count()).toBe(2);
    const controls = page.locator('[data-chat-feedback-controls]').last();
    await controls.getByRole('button', { name: 'Gespräch teilen' }).click();
    await controls.getByRole('button', { name: 'Rückgängig' }).waitFor();
    await expect.poll(() => endpoint.received.length, { timeout: 15_000 }).toBe(2);
    await controls.getByRole('status').filter({ hasText: 'Gesendet.' }).waitFor();
    expect(received()[1]!.report).toMatchObject({ kind: 'share', rating: null, consent: { locale: 'de', trusted_tester: true } });
    await page.close();
  });
});
