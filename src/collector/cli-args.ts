// Command-line flags of `npm run collector`, parsed into startCollector options. Pure (argv
// and env in, options or an error out) so every flag and every refusal is tested.
import { parseArgs } from 'node:util';
import { isLoopbackHost } from '../shared/endpoint';
import { parseRetention } from './retention';
import { DEFAULT_MAX_BODY_BYTES, type CollectorOptions } from './server';

export const USAGE = `Usage: npm run collector -- [options]

Runs the reference feedback collector: POST /v1/feedback, GET /v1/policy, the review page
at / (admin credential), exports at /v1/export and the demo chat at /demo.

Options:
  --port <n>            port to listen on (default 8787; 0 picks a free one)
  --host <address>      address to bind (default 127.0.0.1: this machine only)
  --db <file>           SQLite database file (default ./data/feedback.sqlite)
  --token <t>           ingest token: POST /v1/feedback then needs "Authorization: Bearer <t>"
                        (or set FEEDBACK_TOKEN; default: none, anyone who can reach it may post)
  --admin-token <t>     password of the review page and exports (or set FEEDBACK_ADMIN_TOKEN;
                        default: a new one is generated and printed at start)
  --retention <period>  keep reports this long: 10y, 18mo, 6w, 30d, 12h (default 10y)
  --max-body <size>     largest body after gunzip: bytes, or with kb / mb (default 5mb)
  --operator <name>     who runs this collector, as declared at GET /v1/policy
  --review-dir <dir>    the built review page (default ./dist/review)
  -h, --help            show this help
`;

export type CliResult =
  | { kind: 'help' }
  | { kind: 'error'; message: string }
  | { kind: 'run'; options: CollectorOptions; warnings: string[] };

const SIZE = /^(\d+)\s*(b|kb|mb)?$/i;

export function parseSize(raw: string): number | null {
  const m = SIZE.exec(raw.trim());
  if (!m) return null;
  const unit = (m[2] ?? 'b').toLowerCase();
  const bytes = Number(m[1]) * (unit === 'mb' ? 1024 * 1024 : unit === 'kb' ? 1024 : 1);
  return bytes >= 1024 && bytes <= 100 * 1024 * 1024 ? bytes : null;
}

export function parseCollectorArgs(argv: string[], env: Record<string, string | undefined> = {}): CliResult {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' }, host: { type: 'string' }, db: { type: 'string' },
        token: { type: 'string' }, 'admin-token': { type: 'string' }, retention: { type: 'string' },
        'max-body': { type: 'string' }, operator: { type: 'string' }, 'review-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    return { kind: 'error', message: err instanceof Error ? err.message : String(err) };
  }
  if (values.help) return { kind: 'help' };
  const str = (name: string) => values[name] as string | undefined;

  const portRaw = str('port') ?? '8787';
  const port = /^\d{1,5}$/.test(portRaw) ? Number(portRaw) : NaN;
  if (!(port >= 0 && port <= 65535)) return { kind: 'error', message: `--port "${portRaw}" is not a port number (0-65535)` };

  const retention = str('retention') ?? '10y';
  try {
    parseRetention(retention);
  } catch (err) {
    return { kind: 'error', message: `--${(err as Error).message}` };
  }
  const maxBodyRaw = str('max-body');
  const maxBodyBytes = maxBodyRaw === undefined ? DEFAULT_MAX_BODY_BYTES : parseSize(maxBodyRaw);
  if (maxBodyBytes === null) return { kind: 'error', message: `--max-body "${maxBodyRaw}" is not a size between 1kb and 100mb` };

  const host = str('host') ?? '127.0.0.1';
  const ingestToken = str('token') ?? env.FEEDBACK_TOKEN ?? null;
  const adminToken = str('admin-token') ?? env.FEEDBACK_ADMIN_TOKEN ?? null;
  for (const [flag, value] of [['--token', ingestToken], ['--admin-token', adminToken]] as const) {
    if (value !== null && value.length < 8) return { kind: 'error', message: `${flag} must be at least 8 characters` };
  }
  if (ingestToken !== null && ingestToken === adminToken) {
    return { kind: 'error', message: '--token and --admin-token must differ: posting must not open the review page' };
  }

  const warnings: string[] = [];
  if (!isLoopbackHost(host.replace(/^\[|\]$/g, '')) && host !== '::1') {
    warnings.push(`listening on ${host}: other machines can reach this collector. Put it behind an HTTPS reverse proxy`
      + (ingestToken === null ? ' and set --token, or anyone who can reach it may post reports.' : '.'));
  }
  return {
    kind: 'run',
    warnings,
    options: {
      port, host, retention, maxBodyBytes, ingestToken, adminToken,
      dbPath: str('db') ?? './data/feedback.sqlite',
      ...(str('operator') ? { operator: str('operator') } : {}),
      ...(str('review-dir') ? { reviewDir: str('review-dir') } : {}),
    },
  };
}
