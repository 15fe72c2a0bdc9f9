// WAL checkpoints off the event loop. SQLite's automatic checkpoint runs in the connection
// that commits, on the thread that serves requests: every ~1,000 pages (≈160 reports of
// 20 KB) it copied the log into the database file and waited for two fsyncs, and requests
// waited with it. Here a worker thread with its own connection runs a PASSIVE checkpoint a
// few times a second (it never blocks the writer). The writer keeps a much higher automatic
// threshold as a backstop: under steady load a passive checkpoint rarely finishes in the gap
// between two commits, so the log can only restart from its start after such a writer
// checkpoint; it then has little left to copy. Durability is unchanged: commits are never
// synced in WAL with synchronous = NORMAL, and checkpoints sync exactly as before.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';

const EVERY_MS = 200;
/** Pages (4 KiB) the log may reach before the writer checkpoints itself. */
const BACKSTOP_PAGES = 10_000;
/** SQLite's default, restored when the worker fails. */
const DEFAULT_PAGES = 1_000;

// Evaluated as a CommonJS script, not loaded from a file: the collector is bundled for Node
// and its tests run the TypeScript sources, and a worker file would need a build of its own.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma('synchronous = NORMAL');
const timer = setInterval(() => db.pragma('wal_checkpoint(PASSIVE)'), workerData.everyMs);
parentPort.once('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

export function startCheckpointer(writer: Database, path: string): Checkpointer {
  writer.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, path, everyMs: EVERY_MS } });
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  // Without the worker the writer checkpoints as often as SQLite does by default.
  worker.once('error', () => {
    if (writer.open) writer.pragma(`wal_autocheckpoint = ${DEFAULT_PAGES}`);
  });
  worker.unref();
  return {
    stop: async () => {
      worker.postMessage('stop');
      await exited;
    },
  };
}
