// startCollector: the reference collector as a library call, for `npm run collector`,
// `npm start` and the tests. It installs no signal handlers; the caller owns the process.
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { createServer } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import { demoRoutes } from './demo/routes';
import { ingestRoutes } from './ingest';
import { policyOf } from './policy';
import { parseRetention, retentionCutoff } from './retention';
import { reviewRoutes } from './review-routes';
import { openSqliteStore } from './sqlite-store';

export interface CollectorOptions {
  /** SQLite file; its folder is created. */
  dbPath: string;
  /** 0 picks a free port. Default 8787. */
  port?: number;
  /** Default 127.0.0.1: reachable from this machine only. */
  host?: string;
  /** Bearer token required to POST reports; null or absent: anyone who can reach it may post. */
  ingestToken?: string | null;
  /** Credential for the review page, its API and the exports; generated when absent. */
  adminToken?: string | null;
  /** Default "10y". */
  retention?: string;
  /** Default 5 MiB, counted after gunzip. */
  maxBodyBytes?: number;
  /** Named in the declared policy. */
  operator?: string;
  /** The built review page. Default: dist/review under the working directory. */
  reviewDir?: string;
  /** Clock, injectable for tests. */
  now?: () => Date;
  /** Operational messages (never request data). Default console.log. */
  log?: (line: string) => void;
}

export interface RunningCollector {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:8787 */
  url: string;
  adminToken: string;
  /** True when the admin token was generated for this run (the caller should print it). */
  adminTokenGenerated: boolean;
  /** Runs the retention purge now; returns how many reports it removed. */
  purge(): Promise<number>;
  close(): Promise<void>;
}

export const DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024;
export const DEFAULT_OPERATOR = 'Reference feedback collector (self-hosted)';
const DAY_MS = 24 * 60 * 60 * 1000;
const CLOSE_GRACE_MS = 3_000;

export async function startCollector(opts: CollectorOptions): Promise<RunningCollector> {
  const now = opts.now ?? (() => new Date());
  const log = opts.log ?? ((line: string) => console.log(line));
  const retention = parseRetention(opts.retention ?? '10y');
  const maxBodyBytes = opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const adminTokenGenerated = !opts.adminToken;
  const adminToken = opts.adminToken || randomBytes(18).toString('base64url');
  const store = openSqliteStore(resolve(opts.dbPath));
  const secret = await store.secret();
  const policy = policyOf({ operator: opts.operator ?? DEFAULT_OPERATOR, retention, maxBodyBytes });

  const app = new Hono();
  app.use('*', async (c, next) => {
    await next();
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
  });
  app.get('/v1/policy', (c) => c.json(policy));
  app.route('/', ingestRoutes({ store, ingestToken: opts.ingestToken || null, maxBodyBytes, secret, now }));
  app.route('/', demoRoutes());
  app.route('/', reviewRoutes({ store, adminToken, reviewDir: resolve(opts.reviewDir ?? 'dist/review'), now }));
  app.notFound((c) => c.json({ error: 'not_found', message: 'No such route.' }, 404));
  app.onError((err, c) => {
    // The error only: no request headers, address or body ever reach the log.
    log(`collector: internal error: ${err instanceof Error ? err.message : String(err)}`);
    return c.json({ error: 'internal', message: 'Internal error.' }, 500);
  });

  const purge = async () => {
    const removed = await store.purgeBefore(retentionCutoff(now(), retention));
    if (removed > 0) log(`collector: retention ${retention.text}: purged ${removed} report(s)`);
    return removed;
  };
  await purge();
  const daily = setInterval(() => {
    purge().catch((err: unknown) => log(`collector: purge failed: ${String(err)}`));
  }, DAY_MS);
  daily.unref();

  const server = createServer(getRequestListener(app.fetch));
  const host = opts.host ?? '127.0.0.1';
  try {
    await new Promise<void>((ok, fail) => {
      server.once('error', fail);
      server.listen(opts.port ?? 8787, host, () => { server.off('error', fail); ok(); });
    });
  } catch (err) {
    clearInterval(daily);
    await store.close();
    throw err;
  }
  const { port } = server.address() as AddressInfo;

  let closing: Promise<void> | null = null;
  const close = () => (closing ??= (async () => {
    clearInterval(daily);
    await new Promise<void>((ok) => {
      // Requests in flight get a moment to finish; a client holding an export open does not
      // get to keep the collector running.
      const force = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
      server.close(() => {
        clearTimeout(force);
        ok();
      });
      server.closeIdleConnections();
    });
    await store.close();
  })());

  return { url: `http://${displayHost(host)}:${port}`, adminToken, adminTokenGenerated, purge, close };
}

/** A wildcard bind is reached through loopback; an IPv6 literal needs brackets in a URL. */
function displayHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}
