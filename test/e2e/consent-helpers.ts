// Helpers for the consent end-to-end tests (issue 5): the chat page, the dialog frame, the
// options page, and a reference collector on a temp SQLite file that can restart on its port.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { FrameLocator, Page } from 'playwright-core';
import { startCollector, type RunningCollector } from '../../src/collector/server';
import type { ExtensionBrowser } from './support/browser';

export const dialogOf = (page: Page): FrameLocator => page.frameLocator('[data-chat-feedback-dialog] iframe');

export async function openChat(browser: ExtensionBrowser, chatId: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`https://claude.ai/chat/${chatId}`);
  return page;
}

export async function openOptions(browser: ExtensionBrowser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(browser.extensionUrl('src/options/index.html'));
  return page;
}

/** The reference collector on one SQLite file; restart() keeps file and port, with another operator if asked. */
export interface TestCollector {
  url: string;
  endpoint: string;
  restart(operator?: string): Promise<void>;
  stop(): Promise<void>;
  /** Reads the database as it is now (a separate read-only connection). */
  rows(): { reports: { report: string; contact_link: string | null }[]; contacts: { link: string; contact: string }[] };
  close(): Promise<void>;
}

export async function startTestCollector(operator = 'Consent test lab'): Promise<TestCollector> {
  const dir = mkdtempSync(join(tmpdir(), 'cfc-consent-'));
  const dbPath = join(dir, 'feedback.sqlite');
  const base = { dbPath, adminToken: 'admin', reviewDir: join(dir, 'review'), log: () => {} };
  let running: RunningCollector | null = await startCollector({ ...base, port: 0, operator });
  const url = running.url;
  const port = Number(new URL(url).port);
  const stop = async () => {
    await running?.close();
    running = null;
  };
  return {
    url,
    endpoint: `${url}/v1/feedback`,
    stop,
    async restart(next = operator) {
      await stop();
      running = await startCollector({ ...base, port, operator: next });
    },
    rows() {
      const db = new Database(dbPath, { readonly: true });
      try {
        return {
          reports: db.prepare('SELECT report, contact_link FROM reports ORDER BY received_at').all() as { report: string; contact_link: string | null }[],
          contacts: db.prepare('SELECT link, contact FROM reporter_contacts').all() as { link: string; contact: string }[],
        };
      } finally {
        db.close();
      }
    },
    async close() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
