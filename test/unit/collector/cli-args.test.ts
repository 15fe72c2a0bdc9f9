// `npm run collector` flags: defaults, every option, and clear refusals.
import { describe, expect, it } from 'vitest';
import { parseCollectorArgs, parseSize } from '../../../src/collector/cli-args';

describe('parseCollectorArgs', () => {
  it('defaults to loopback, port 8787, ./data/feedback.sqlite, 10 years and 5 MiB, no tokens', () => {
    expect(parseCollectorArgs([])).toEqual({
      kind: 'run', warnings: [],
      options: {
        port: 8787, host: '127.0.0.1', dbPath: './data/feedback.sqlite', retention: '10y',
        maxBodyBytes: 5 * 1024 * 1024, ingestToken: null, adminToken: null,
      },
    });
  });

  it('reads every flag, in both --flag value and --flag=value form', () => {
    const r = parseCollectorArgs(['--port', '9000', '--db=/tmp/x.sqlite', '--token', 'ingest-123', '--admin-token=admin-123',
      '--retention', '30d', '--host', '127.0.0.2', '--max-body', '64kb', '--operator', 'QA team', '--review-dir', 'build/review']);
    expect(r).toEqual({
      kind: 'run', warnings: [],
      options: {
        port: 9000, host: '127.0.0.2', dbPath: '/tmp/x.sqlite', retention: '30d', maxBodyBytes: 65536,
        ingestToken: 'ingest-123', adminToken: 'admin-123', operator: 'QA team', reviewDir: 'build/review',
      },
    });
  });

  it('takes tokens from the environment so they stay out of the process list', () => {
    const r = parseCollectorArgs([], { FEEDBACK_TOKEN: 'from-env-1', FEEDBACK_ADMIN_TOKEN: 'from-env-2' });
    expect(r.kind === 'run' && [r.options.ingestToken, r.options.adminToken]).toEqual(['from-env-1', 'from-env-2']);
  });

  it('answers --help and -h', () => {
    expect(parseCollectorArgs(['--help'])).toEqual({ kind: 'help' });
    expect(parseCollectorArgs(['-h', '--port', 'x'])).toEqual({ kind: 'help' });
  });

  it.each([
    [['--bogus'], /Unknown option '--bogus'/],
    [['--port'], /--port/],
    [['--port', '70000'], /--port "70000" is not a port/],
    [['--port', '12ab'], /--port "12ab"/],
    [['--retention', '10 years'], /--retention "10 years" is not a period/],
    [['--max-body', '1gb'], /--max-body "1gb"/],
    [['--token', 'short'], /--token must be at least 8/],
    [['--token', 'same-secret', '--admin-token', 'same-secret'], /must differ/],
    [['extra'], /positional/i],
  ])('refuses %j with a clear message', (argv, message) => {
    const r = parseCollectorArgs(argv);
    expect(r.kind).toBe('error');
    expect(r.kind === 'error' && r.message).toMatch(message);
  });

  it('warns when it listens beyond this machine, louder without an ingest token', () => {
    const open = parseCollectorArgs(['--host', '0.0.0.0']);
    expect(open.kind === 'run' && open.warnings.join()).toMatch(/reverse proxy and set --token/);
    const guarded = parseCollectorArgs(['--host', '0.0.0.0', '--token', 'ingest-123']);
    expect(guarded.kind === 'run' && guarded.warnings.join()).not.toMatch(/set --token/);
    expect(parseCollectorArgs(['--host', '::1']).kind === 'run').toBe(true);
  });
});

describe('parseSize', () => {
  it('reads bytes, kb and mb within 1 KiB..100 MiB', () => {
    expect(parseSize('5mb')).toBe(5 * 1024 * 1024);
    expect(parseSize('2048')).toBe(2048);
    expect(parseSize('10 KB')).toBe(10240);
    expect(parseSize('100')).toBeNull();
    expect(parseSize('101mb')).toBeNull();
  });
});
