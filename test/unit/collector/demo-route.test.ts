// The demo chat page is public (no credential) and carries its own script and styles.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestCollector, stopTestCollector, type TestCollector } from './fixtures';

let c: TestCollector;
beforeAll(async () => { c = await startTestCollector({ ingestToken: 'ingest-secret' }); });
afterAll(async () => { await stopTestCollector(c); });

it('serves the demo chat and its streaming script without any credential', async () => {
  const page = await fetch(`${c.url}/demo`);
  expect(page.status).toBe(200);
  expect(page.headers.get('content-type')).toMatch(/^text\/html/);
  const html = await page.text();
  expect(html).toContain('<main id="chat-log"');
  expect(html).toMatch(/<style>[^<]*\.turn\b/);
  expect(html).toContain('<script src="/demo/demo.js"></script>');
  const script = await fetch(`${c.url}/demo/demo.js`);
  expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
  expect(await script.text()).toContain("setAttribute('data-state', 'done')");
});
