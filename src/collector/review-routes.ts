// The read side, all behind the admin credential: the review page, its API and the exports.
// The ingest token does not open any of it.
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { Hono, type MiddlewareHandler } from 'hono';
import { isAdmin } from './auth';
import { exportResponse, isExportFormat } from './export';
import type { FeedbackStore, StoredReport } from './store';
import { summarise, type ReportDetail, type ReportPage } from './summary';

export interface ReviewDeps {
  store: FeedbackStore;
  adminToken: string;
  /** The built review page (vite.review.config.ts writes it to dist/review). */
  reviewDir: string;
  now: () => Date;
}

const PAGE_SIZE = 50;
/** Paging cursor "<received ms>.<id>": a time alone would skip reports received in the same ms. */
const CURSOR = /^(\d{1,15})\.([0-9a-f-]{36})$/i;
const cursorOf = (s: StoredReport) => `${s.receivedAt.getTime()}.${s.id}`;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};
const PAGE_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; "
  + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export function reviewRoutes(deps: ReviewDeps): Hono {
  const app = new Hono();

  // Scoped to the admin paths: this app is mounted at the root beside the public routes.
  const admin: MiddlewareHandler = async (c, next) => {
    if (!isAdmin(c.req.header('authorization'), deps.adminToken)) {
      // Basic lets a browser ask for the credential itself; scripts may send a Bearer token.
      c.header('WWW-Authenticate', 'Basic realm="Feedback review", charset="UTF-8"');
      return c.json({ error: 'unauthorized', message: 'The admin credential is required.' }, 401);
    }
    await next();
    c.res.headers.set('Cache-Control', 'no-store');
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
    c.res.headers.set('Referrer-Policy', 'no-referrer');
  };
  for (const path of ['/', '/review/*', '/api/*', '/v1/export']) app.use(path, admin);

  app.get('/api/reports', async (c) => {
    const rating = c.req.query('rating') || undefined;
    const cursor = CURSOR.exec(c.req.query('before') ?? '');
    const before = cursor ? { receivedAt: new Date(Number(cursor[1])), id: cursor[2]! } : undefined;
    const ratingOk = rating === undefined || rating === 'helpful' || rating === 'not_helpful';
    if (!ratingOk || (c.req.query('before') && !cursor)) {
      return c.json({ error: 'bad_query', message: 'rating must be helpful or not_helpful; before a cursor from next_before.' }, 400);
    }
    const rows = await deps.store.list({ rating, before, limit: PAGE_SIZE + 1 });
    const page: ReportPage = {
      reports: rows.slice(0, PAGE_SIZE).map(summarise),
      next_before: rows.length > PAGE_SIZE ? cursorOf(rows[PAGE_SIZE - 1]!) : null,
    };
    return c.json(page);
  });

  app.get('/api/reports/:id', async (c) => {
    const stored = await deps.store.get(c.req.param('id'));
    if (!stored) return c.json({ error: 'not_found', message: 'No such report.' }, 404);
    const detail: ReportDetail = { id: stored.id, received_at: stored.receivedAt.toISOString(), report: stored.report };
    return c.json(detail);
  });

  app.get('/v1/export', (c) => {
    const format = c.req.query('format') ?? 'jsonl';
    if (!isExportFormat(format)) return c.json({ error: 'bad_format', message: 'format must be jsonl or kto.' }, 400);
    return exportResponse(c, deps.store, format, deps.now());
  });

  const serveFile = async (file: string): Promise<Response> => {
    const root = normalize(deps.reviewDir);
    const path = normalize(join(root, file));
    if (!path.startsWith(root + sep)) return new Response('Not found', { status: 404 });
    const type = TYPES[extname(path)];
    const bytes = type ? await readFile(path).catch(() => null) : null;
    if (!type || !bytes) {
      return file === 'index.html'
        ? new Response('The review page is not built yet: run `npm run build:review`.', { status: 503 })
        : new Response('Not found', { status: 404 });
    }
    return new Response(bytes, { headers: { 'Content-Type': type, 'Content-Security-Policy': PAGE_CSP } });
  };
  app.get('/', () => serveFile('index.html'));
  app.get('/review/*', (c) => {
    let file: string;
    try {
      file = decodeURIComponent(c.req.path.slice('/review/'.length));
    } catch {
      return new Response('Not found', { status: 404 });
    }
    return serveFile(file);
  });

  return app;
}
