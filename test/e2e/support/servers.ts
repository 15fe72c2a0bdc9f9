// Servers the end-to-end tests talk to: the claude.ai lookalike over HTTPS on loopback, and a
// capture endpoint that records every body it receives.
import { createServer as createHttps } from 'node:https';
import { createServer as createHttp, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { apiJson, pageHtml, type LookalikeChat } from './claude-lookalike';

const tls = (name: string) => readFileSync(new URL(`./tls/lookalike-test-only.${name}`, import.meta.url));

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
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

export async function startLookalike(chats: LookalikeChat[]): Promise<Lookalike> {
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
  state.port = await listen(server as unknown as Server);
  state.close = () => close(server as unknown as Server);
  return state;
}

export interface Received {
  headers: IncomingMessage['headers'];
  body: unknown;
}

export interface CaptureEndpoint {
  url: string;
  received: Received[];
  /** Answers to give, in order; when empty, 201 with a receipt. */
  script: { status: number; body?: string }[];
  close(): Promise<void>;
}

export async function startCaptureEndpoint(): Promise<CaptureEndpoint> {
  const state: CaptureEndpoint = { url: '', received: [], script: [], close: async () => {} };
  const server = createHttp((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/feedback') return void res.writeHead(404).end();
      const next = state.script.shift();
      if (next) return void res.writeHead(next.status, { 'content-type': 'application/json' }).end(next.body ?? '{}');
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { report?: { id?: string } };
      state.received.push({ headers: req.headers, body });
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: body.report?.id, received_at: new Date().toISOString(), deletion_token: randomUUID() }));
    });
  });
  const port = await listen(server);
  state.url = `http://127.0.0.1:${port}/v1/feedback`;
  state.close = () => close(server);
  return state;
}
