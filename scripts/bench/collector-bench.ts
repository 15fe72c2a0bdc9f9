// Collector throughput on loopback: 10 concurrent clients post 20 KB reports (valid envelopes
// from buildReport, a fresh id each) for a fixed time, against the reference collector with the
// SQLite settings it ships with, and against a bare Node HTTP server that only reads the body
// (the ceiling of this machine's HTTP stack). Each server runs in its own child process.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer, request, Agent } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { AddressInfo } from 'node:net';
import { buildEnvelope, buildReport } from '../../src/core/build-report';
import { startCollector } from '../../src/collector/server';
import { Envelope, type Turn } from '../../src/shared/schema';
import { percentile } from './stats';

export const CLIENTS = 10;
export const REPORT_BYTES = 20 * 1024;
const PLACEHOLDER_ID = '00000000-0000-4000-8000-00000000b0d1';

export type ServerKind = 'collector' | 'bare';

export interface LoadRun {
  kind: ServerKind; requests: number; perSecond: number; p50Ms: number; p99Ms: number; failures: number;
  /** The server process's CPU time (user + system) per request, warm-up included: load on the machine barely moves it. */
  cpuMsPerRequest: number;
}

const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };

/** A valid envelope whose JSON is about 20 KB, with a placeholder id replaced per request. */
export function reportTemplate(): string {
  const turns: Turn[] = [];
  const add = (i: number) => turns.push({
    role: i % 2 === 0 ? 'user' : 'assistant',
    blocks: [{ kind: 'text', text: `Turn ${i}: ${'the tide turns twice a day; '.repeat(i % 2 === 0 ? 6 : 30)}` }],
  });
  let i = 0;
  const size = () => JSON.stringify(envelopeOf(turns)).length;
  while (size() < REPORT_BYTES || turns.at(-1)?.role !== 'assistant') add(i++);
  const envelope = envelopeOf(turns);
  const checked = Envelope.safeParse(envelope);
  if (!checked.success) throw new Error(`buildReport made an envelope the schema refuses: ${checked.error.message.slice(0, 400)}`);
  return JSON.stringify(envelope);
}

function envelopeOf(turns: Turn[]) {
  return buildEnvelope(buildReport({
    id: PLACEHOLDER_ID, now: new Date(), site: 'claude.ai', rating: 'not_helpful', reasons: ['incomplete'], comment: 'bench',
    captured: {
      conversation: {
        source: 'api', complete: true, matches_page: true, turns,
        settings: { model: 'claude-sonnet-4-6', style: { name: null, instructions: null }, features: { web_search: true } },
      },
      ratedTurn: turns.length - 1,
      omissions: [],
    },
    consent: { notice_version: 'bench', notice_hash: 'a'.repeat(64), locale: 'en', trusted_tester: false },
    client: { extension_version: '0.1.0', browser: 'chrome' },
  }));
}

/** Child-process side: start one server on a free loopback port and print its URL. */
export async function serveChild(kind: ServerKind, dbPath: string): Promise<void> {
  let url: string;
  let close: () => Promise<void>;
  if (kind === 'collector') {
    const collector = await startCollector({ dbPath, port: 0, log: () => {} });
    url = collector.url;
    close = () => collector.close();
  } else {
    const server = createServer((req, res) => {
      req.on('data', () => {});
      req.on('end', () => res.writeHead(201, { 'content-type': 'application/json' }).end('{"id":"ok"}'));
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise((ok) => { server.closeAllConnections(); server.close(() => ok()); });
  }
  // Stopped by the bench with SIGTERM: report the CPU time spent, close the database, exit.
  process.once('SIGTERM', () => {
    process.stdout.write(`${JSON.stringify({ cpuMs: cpuMs() })}\n`);
    void close().finally(() => process.exit(0));
  });
  process.stdout.write(`${JSON.stringify({ url, cpuMs: cpuMs() })}\n`);
}

interface Spawned { url: string; startCpuMs: number; child: ChildProcess; stop(): Promise<number> }

/** Starts a server child; `stop` ends it and resolves with the CPU milliseconds it had used. */
async function spawnServer(entry: string, kind: ServerKind, dbPath: string): Promise<Spawned> {
  const child = spawn(process.execPath, [entry, '--serve', kind, dbPath], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  const messages: { url?: string; cpuMs: number }[] = [];
  const waiters: ((m: { url?: string; cpuMs: number }) => void)[] = [];
  lines.on('line', (line) => {
    const m = JSON.parse(line) as { url?: string; cpuMs: number };
    const w = waiters.shift();
    if (w) w(m); else messages.push(m);
  });
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  const next = () => new Promise<{ url?: string; cpuMs: number }>((ok, fail) => {
    const m = messages.shift();
    if (m) return ok(m);
    waiters.push(ok);
    void exited.then(() => fail(new Error(`${kind} server exited (${child.exitCode})`)));
  });
  const hello = await next();
  return {
    url: hello.url as string, startCpuMs: hello.cpuMs, child,
    async stop() {
      if (child.exitCode !== null) throw new Error(`${kind} server had exited (${child.exitCode})`);
      const bye = next();
      child.kill('SIGTERM');
      const { cpuMs: used } = await bye;
      await exited;
      return used;
    },
  };
}

function post(agent: Agent, url: URL, body: string, id: string): Promise<number> {
  return new Promise((ok, fail) => {
    const req = request(url, {
      method: 'POST', agent,
      headers: { 'content-type': 'application/json', 'idempotency-key': id, 'content-length': Buffer.byteLength(body) },
    }, (res) => {
      res.resume();
      res.on('end', () => ok(res.statusCode ?? 0));
    });
    req.on('error', fail);
    req.end(body);
  });
}

/** CLIENTS loops, each posting one report after another until `ms` have passed. */
async function drive(base: string, template: string, ms: number): Promise<{ latencies: number[]; elapsedMs: number; failures: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  const url = new URL('/v1/feedback', base);
  const latencies: number[] = [];
  let failures = 0;
  const start = performance.now();
  const client = async () => {
    while (performance.now() - start < ms) {
      const id = randomUUID();
      const t0 = performance.now();
      const status = await post(agent, url, template.replace(PLACEHOLDER_ID, id), id);
      latencies.push(performance.now() - t0);
      if (status !== 201) failures++;
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, client));
  const elapsedMs = performance.now() - start;
  agent.destroy();
  return { latencies, elapsedMs, failures };
}

export async function loadRun(entry: string, kind: ServerKind, template: string, opts: { warmupMs: number; measureMs: number }): Promise<LoadRun> {
  const dir = mkdtempSync(join(tmpdir(), 'cfc-bench-db-'));
  const server = await spawnServer(entry, kind, join(dir, 'feedback.sqlite'));
  try {
    const warm = await drive(server.url, template, opts.warmupMs);
    const { latencies, elapsedMs, failures } = await drive(server.url, template, opts.measureMs);
    const cpu = await server.stop();
    return {
      kind, requests: latencies.length, perSecond: (latencies.length - failures) / (elapsedMs / 1000),
      p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99), failures,
      cpuMsPerRequest: (cpu - server.startCpuMs) / (latencies.length + warm.latencies.length),
    };
  } finally {
    if (server.child.exitCode === null) server.child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}
