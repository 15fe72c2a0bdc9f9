// Servers the end-to-end tests talk to: the claude.ai lookalike over HTTPS on loopback, and a
// capture endpoint that records every body it receives.
import { createServer as createHttps } from 'node:https';
import { createServer as createHttp, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { apiJson, pageHtml, type LookalikeChat } from './claude-lookalike';

const tls = (name: string) => readFileSync(new URL(`./tls/lookalike-test-only.${name}`, import.meta.url));

async function listen(server: Server, port = 0): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return (server.address() as AddressInfo).port;
}

const close = (server: Server) => new Promise<void>((resolve) => {
  server.closeAllConnections();
  server.close(() => resolve());
});

export interface Lookalike {
  port: number;
  chats: Map<string, LookalikeChat>;
  /** 'ok' serves the API; 'fail' answers 500 so the adapter must fall back to the page. */
  apiMode: 'ok' | 'fail';
  apiHits: number;
  /** Extra pages by path, served as they are (e.g. markup the adapter does not know). */
  rawPages: Map<string, string>;
  close(): Promise<void>;
}

/** `port` 0 picks a free one; Firefox, whose match patterns have no port and which has no host resolver rules, needs 443. */
export async function startLookalike(chats: LookalikeChat[], { port = 0 } = {}): Promise<Lookalike> {
  const state: Lookalike = {
    port: 0, chats: new Map(chats.map((c) => [c.chatId, c])), apiMode: 'ok', apiHits: 0, rawPages: new Map(), close: async () => {},
  };
  const server = createHttps({ key: tls('key'), cert: tls('crt') }, (req, res) => {
    const url = new URL(req.url ?? '/', 'https://claude.ai');
    const page = /^\/chat\/([\w-]+)$/.exec(url.pathname);
    const api = /^\/api\/organizations\/([\w-]+)\/chat_conversations\/([\w-]+)$/.exec(url.pathname);
    const raw = state.rawPages.get(url.pathname);
    if (raw !== undefined) return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(raw);
    if (page) {
      const chat = state.chats.get(page[1] as string);
      if (!chat) return void res.writeHead(404).end('no such chat');
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'set-cookie': `lastActiveOrg=${chat.orgId}; Path=/; Secure; SameSite=Lax`,
      });
      return void res.end(pageHtml(chat));
    }
    if (api) {
      state.apiHits++;
      const chat = state.chats.get(api[2] as string);
      const cookieOk = (req.headers.cookie ?? '').includes(`lastActiveOrg=${api[1]}`);
      if (state.apiMode === 'fail' || !chat || chat.orgId !== api[1] || !cookieOk) {
        return void res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"unavailable"}');
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify(apiJson(chat)));
    }
    res.writeHead(404).end('not found');
  });
  state.port = await listen(server as unknown as Server, port);
  state.close = () => close(server as unknown as Server);
  return state;
}

export interface Received {
  headers: IncomingMessage['headers'];
  body: unknown;
}

export interface CaptureEndpoint {
  url: string;
  port: number;
  /** Reports stored, once per Idempotency-Key (a retry of a stored key is answered, not stored again). */
  received: Received[];
  /** Every POST that reached the endpoint, including retries and scripted refusals. */
  attempts: number;
  /**
   * Answers to give, in order, before the default 201. 'hang' stores the report and never
   * answers (the endpoint committed, the answer is lost).
   */
  script: ({ status: number; body?: string; headers?: Record<string, string> } | 'hang')[];
  close(): Promise<void>;
}

/** A capture endpoint on `port` (0 = any free port); idempotent on Idempotency-Key like the collector. */
export async function startCaptureEndpoint(port = 0, received: Received[] = []): Promise<CaptureEndpoint> {
  const answers = new Map<string, string>();
  const state: CaptureEndpoint = { url: '', port: 0, received, attempts: 0, script: [], close: async () => {} };
  const server = createHttp((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/feedback') return void res.writeHead(404).end();
      state.attempts++;
      const key = String(req.headers['idempotency-key'] ?? '');
      const replay = answers.get(key);
      if (replay) return void res.writeHead(201, { 'content-type': 'application/json', 'idempotent-replayed': 'true' }).end(replay);
      const next = state.script.shift();
      if (next && next !== 'hang') return void res.writeHead(next.status, { 'content-type': 'application/json', ...next.headers }).end(next.body ?? '{}');
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { report?: { id?: string } };
      state.received.push({ headers: req.headers, body });
      const answer = JSON.stringify({ id: body.report?.id, received_at: new Date().toISOString(), deletion_token: randomUUID() });
      answers.set(key, answer);
      if (next === 'hang') return; // committed, but the answer never comes
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  state.port = (server.address() as AddressInfo).port;
  state.url = `http://127.0.0.1:${state.port}/v1/feedback`;
  state.close = () => close(server);
  return state;
}
