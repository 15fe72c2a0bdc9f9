// The whole flow on a claude.ai lookalike, in real Chromium with the built extension: rate an
// answer, read the dialog, send, and assert on the body the endpoint received.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { Envelope } from '../../src/shared/schema';
import { launchWithExtension, configureEndpoint, type ExtensionBrowser } from './support/browser';
import { startCaptureEndpoint, startLookalike, type CaptureEndpoint, type Lookalike } from './support/servers';
import { branchOf, standardChat, type LookalikeChat } from './support/claude-lookalike';

const leak = `LEAK${randomUUID().slice(0, 8)}`;
const keep = `KEEP${randomUUID().slice(0, 8)}`;
let chat: LookalikeChat;
let site: Lookalike;
let endpoint: CaptureEndpoint;
let browser: ExtensionBrowser;

beforeAll(async () => {
  chat = standardChat(leak, keep);
  [site, endpoint] = await Promise.all([startLookalike([chat]), startCaptureEndpoint()]);
  browser = await launchWithExtension({ lookalikePort: site.port });
  await configureEndpoint(browser, endpoint.url);
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([site?.close(), endpoint?.close()]);
});

const dialogOf = (page: Page) => page.frameLocator('[data-chat-feedback-dialog] iframe');

async function openChat(id = chat.chatId): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`https://claude.ai/chat/${id}`);
  return page;
}

describe('claude.ai lookalike', () => {
  it('puts controls under every rendered answer and sends the visible branch, without integrations or identity', async () => {
    const page = await openChat();
    await expect.poll(() => page.getByRole('button', { name: 'Helpful', exact: true }).count()).toBe(2);
    await expect.poll(() => page.getByRole('button', { name: 'Not helpful', exact: true }).count()).toBe(2);

    await page.getByRole('button', { name: 'Not helpful', exact: true }).last().click();
    const dialog = dialogOf(page);
    await dialog.getByRole('heading', { name: 'Share feedback' }).waitFor();
    await dialog.getByRole('checkbox', { name: 'Incomplete' }).check();
    await dialog.getByRole('textbox', { name: 'Comment' }).fill(`comment ${keep}`);
    await dialog.getByRole('checkbox', { name: /agree/ }).check();
    await dialog.getByRole('button', { name: 'Send feedback' }).click();
    await expect.poll(() => endpoint.received.length).toBe(1);
    await dialog.getByRole('status').filter({ hasText: 'Sent.' }).waitFor();

    const { headers, body } = endpoint.received[0]!;
    const envelope = Envelope.parse(body);
    const { report } = envelope;
    expect(headers['idempotency-key']).toBe(report.id);
    expect(report.rating).toBe('not_helpful');
    expect(report.reasons).toEqual(['incomplete']);
    expect(report.comment).toBe(`comment ${keep}`);
    expect(report.conversation.source).toBe('api');
    expect(report.conversation.matches_page).toBe(true);

    // Every turn of the visible branch, in order, although the page rendered only the last four.
    const branch = branchOf(chat);
    expect(report.conversation.turns.map((t) => t.role)).toEqual(branch.map((m) => (m.sender === 'human' ? 'user' : 'assistant')));
    const turnText = report.conversation.turns.map((t) => JSON.stringify(t.blocks));
    branch.forEach((m, i) => expect(turnText[i]).toContain(`T${String(m.index).padStart(2, '0')}`));
    expect(report.rated_turn).toBe(branch.length - 1);

    const json = JSON.stringify(body);
    expect(json).toContain(`PASTED-${keep}`);           // pasted text stays
    expect(json).toContain('web_search');              // built-in tools stay
    expect(json).not.toContain(leak);                  // integration content, other branch, identity: gone
    for (const id of [chat.orgId, chat.chatId, ...chat.messages.map((m) => m.uuid)]) expect(json).not.toContain(id);
    const markers = report.conversation.turns.flatMap((t) => t.blocks).filter((b) => b.kind === 'integration');
    expect(new Set(markers.map((b) => b.kind === 'integration' && b.source))).toEqual(new Set(['google_drive', 'github', 'connector']));
    expect(report.omissions.some((o) => o.kind === 'integration' && o.source === 'google_drive')).toBe(true);
    await page.close();
  });
});
