// The write side: POST a report, DELETE it with its deletion token. Checks run cheapest
// first (token, type, size) so a refused request costs little.
import type { HttpBindings } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import { Envelope } from '../shared/schema';
import { bearerToken, deletionToken, isDeletionToken, sameSecret } from './auth';
import { readLimitedBody } from './body';
import { earlierBodyHash, storedForm } from './body-hash';
import type { FeedbackStore } from './store';

export interface IngestDeps {
  store: FeedbackStore;
  ingestToken: string | null;
  maxBodyBytes: number;
  secret: Buffer;
  now: () => Date;
}

const MAX_ISSUES = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Stateless without { stream: true }, so one decoder serves every request.
const utf8 = new TextDecoder('utf-8', { fatal: true });

type Status = 400 | 401 | 403 | 404 | 410 | 413 | 415 | 422;
const fail = (c: Context, status: Status, error: string, message: string, extra: object = {}) =>
  c.json({ error, message, ...extra }, status);

/** Runs under @hono/node-server: the body is read from Node's request (see body.ts). */
export function ingestRoutes(deps: IngestDeps): Hono<{ Bindings: HttpBindings }> {
  const app = new Hono<{ Bindings: HttpBindings }>();

  app.post('/v1/feedback', async (c) => {
    // Node's parsed headers: c.req.header() would build a web Headers object per request.
    const { incoming } = c.env;
    const headers = incoming.headers;
    if (deps.ingestToken !== null) {
      const given = bearerToken(headers.authorization);
      if (given === null || !sameSecret(given, deps.ingestToken)) {
        c.header('WWW-Authenticate', 'Bearer realm="feedback"');
        return fail(c, 401, 'unauthorized', 'A valid ingest token is required (Authorization: Bearer <token>).');
      }
    }
    // Requiring JSON also keeps web pages out: a cross-site JSON post needs a CORS preflight,
    // which this collector never grants.
    const type = headers['content-type'] ?? '';
    if (!/^application\/json\s*(;|$)/i.test(type)) {
      return fail(c, 415, 'unsupported_media_type', 'Send the report as application/json.');
    }
    const body = await readLimitedBody(incoming, deps.maxBodyBytes);
    if (!body.ok) {
      if (body.error === 'too_large') {
        return fail(c, 413, 'too_large', `The body exceeds ${deps.maxBodyBytes} bytes (counted after gunzip).`);
      }
      if (body.error === 'unsupported_encoding') return fail(c, 415, 'unsupported_encoding', 'Content-Encoding must be gzip or identity.');
      return fail(c, 400, body.error, 'The body could not be read completely.');
    }
    let json: unknown;
    try {
      json = JSON.parse(utf8.decode(body.bytes));
    } catch {
      return fail(c, 400, 'invalid_json', 'The body is not valid UTF-8 JSON.');
    }
    const parsed = Envelope.safeParse(json);
    if (!parsed.success) {
      const issues = parsed.error.issues.slice(0, MAX_ISSUES).map((i) => ({
        path: i.path.map(String).join('.'),
        message: i.message,
      }));
      return fail(c, 400, 'invalid_report', 'The report does not match the schema.', { issues });
    }
    const { report, reporter } = parsed.data;
    const key = headers['idempotency-key'];
    if (key !== undefined && key !== report.id) {
      return fail(c, 400, 'idempotency_key_mismatch', 'Idempotency-Key must equal report.id.');
    }
    // Over the parsed report (what is stored), so key order and whitespace do not make a retry differ.
    const { reportJson, bodyHash } = storedForm(parsed.data);
    const outcome = await deps.store.insert({
      report,
      reportJson,
      bodyHash,
      earlierBodyHash: () => earlierBodyHash(parsed.data),
      contact: reporter?.contact ?? null,
      receivedAt: deps.now(),
    });
    if (outcome.status === 'gone') return fail(c, 410, 'gone', 'This report was deleted by its reporter; it is not stored again.');
    if (outcome.status === 'conflict') {
      return fail(c, 422, 'idempotency_conflict', 'This report id was already used with a different body.');
    }
    if (outcome.status === 'replayed') c.header('Idempotent-Replayed', 'true');
    return c.json({
      id: report.id,
      received_at: outcome.receivedAt.toISOString(),
      deletion_token: deletionToken(deps.secret, report.id),
    }, 201);
  });

  app.delete('/v1/feedback/:id', async (c) => {
    const id = c.req.param('id');
    // A dedicated header lets a client send its ingest token in Authorization at the same time.
    const given = c.req.header('deletion-token') ?? bearerToken(c.req.header('authorization'));
    if (!given) return fail(c, 401, 'unauthorized', 'Send the deletion token (Deletion-Token header or Bearer).');
    if (!UUID.test(id)) return fail(c, 404, 'not_found', 'No such report.');
    if (!isDeletionToken(deps.secret, id, given)) return fail(c, 403, 'forbidden', 'The deletion token does not match this report.');
    const outcome = await deps.store.remove(id, deps.now());
    if (outcome === 'not_found') return fail(c, 404, 'not_found', 'No such report (it may have passed its retention period).');
    return c.body(null, 204);
  });

  return app;
}
