// The demo chat page at /demo. Its files are inlined at build time (?raw), so the collector
// bundle carries them and needs no source tree at run time. The styles sit inside the HTML:
// vitest empties `.css?raw` imports, and tests serve this page too.
import { Hono } from 'hono';
import html from './demo.html?raw';
import script from './demo.js?raw';

// No CSP here on purpose: the extension frames its own dialog into this page, as it would
// into the real chat site, and a page CSP must not be what makes the demo behave differently.
export function demoRoutes(): Hono {
  const app = new Hono();
  app.get('/demo', (c) => c.html(html));
  app.get('/demo/demo.js', (c) => c.body(script, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }));
  return app;
}
