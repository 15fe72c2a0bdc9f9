// Runs the collector until Ctrl-C / SIGTERM, for `npm run collector` and `npm start`: parses
// the flags, starts the server, prints where everything is, and stops cleanly.
import { parseCollectorArgs, USAGE } from '../src/collector/cli-args';
import { startCollector } from '../src/collector/server';

export interface ServeOptions {
  /** Printed after the addresses, e.g. the next steps of `npm start`. */
  nextSteps?: (url: string) => string[];
  usage?: string;
}

export async function serve(argv: string[], { nextSteps, usage = USAGE }: ServeOptions = {}): Promise<number> {
  const parsed = parseCollectorArgs(argv, process.env);
  if (parsed.kind === 'help') {
    process.stdout.write(usage);
    return 0;
  }
  if (parsed.kind === 'error') {
    process.stderr.write(`collector: ${parsed.message}\nRun with --help to see the options.\n`);
    return 2;
  }
  for (const w of parsed.warnings) process.stderr.write(`collector: warning: ${w}\n`);

  let running;
  try {
    running = await startCollector(parsed.options);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'EADDRINUSE' ? `port ${parsed.options.port} is already in use (choose another with --port)`
      : code === 'EACCES' ? `not allowed to listen on ${parsed.options.host}:${parsed.options.port}`
        : (err as Error).message;
    process.stderr.write(`collector: could not start: ${why}\n`);
    return 1;
  }
  const { url } = running;
  console.log([
    `Feedback collector listening on ${url}`,
    `  endpoint     ${url}/v1/feedback${parsed.options.ingestToken ? ' (ingest token required)' : ''}`,
    `  policy       ${url}/v1/policy`,
    `  demo chat    ${url}/demo`,
    `  review page  ${url}/  (user: any, password: ${running.adminTokenGenerated ? running.adminToken : 'the --admin-token you set'})`,
    ...(running.adminTokenGenerated ? ['  (a new admin password is generated at every start unless you pass --admin-token)'] : []),
    `  database     ${parsed.options.dbPath}`,
    ...(nextSteps ? ['', ...nextSteps(url)] : []),
    'Press Ctrl-C to stop.',
  ].join('\n'));

  await new Promise<void>((done) => {
    const stop = (signal: string) => {
      console.log(`\ncollector: ${signal}, stopping…`);
      // A second Ctrl-C while closing means "now".
      process.once('SIGINT', () => process.exit(130));
      running.close().then(done, (err: unknown) => {
        process.stderr.write(`collector: error while stopping: ${String(err)}\n`);
        done();
      });
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  return 0;
}

export function exitWith(run: Promise<number>, name: string): void {
  run.then((code) => { process.exitCode = code; }, (err: unknown) => {
    process.stderr.write(`${name}: ${String(err)}\n`);
    process.exitCode = 1;
  });
}
