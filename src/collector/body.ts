// Reads a request body with a hard cap on the bytes that come out of it, straight from Node's
// IncomingMessage: the web-stream path (Readable.toWeb, a pull stream, a TransformStream per
// request) cost more CPU than parsing and validating the report together. The cap applies on
// the wire and again after gunzip, where zlib stops inflating as soon as the output passes it,
// so a small gzip bomb is never inflated in full.
import type { IncomingMessage } from 'node:http';
import { gunzip } from 'node:zlib';

export type BodyResult =
  | { ok: true; bytes: Buffer }
  | { ok: false; error: 'too_large' | 'bad_encoding' | 'unsupported_encoding' | 'incomplete' };

type Failure = Extract<BodyResult, { ok: false }>;
const failed = (error: Failure['error']): Failure => ({ ok: false, error });

export async function readLimitedBody(incoming: IncomingMessage, limit: number): Promise<BodyResult> {
  const encoding = (incoming.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (encoding !== 'identity' && encoding !== 'gzip') return failed('unsupported_encoding');
  // A declared length over the cap needs no reading at all (a gzip body never shrinks below
  // its inflated size by enough to matter here).
  const declared = Number(incoming.headers['content-length'] ?? '0');
  if (Number.isFinite(declared) && declared > limit) return failed('too_large');

  const wire = await readCapped(incoming, limit);
  if (!wire.ok || encoding === 'identity') return wire;
  return inflateCapped(wire.bytes, limit);
}

/** Collects the raw bytes; stops listening once they pass `limit` (the framework drains the rest). */
function readCapped(incoming: IncomingMessage, limit: number): Promise<BodyResult> {
  return new Promise((settle) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const finish = (result: BodyResult) => {
      incoming.off('data', onData).off('end', onEnd).off('error', onGone).off('close', onGone);
      settle(result);
    };
    const onData = (chunk: Buffer) => {
      total += chunk.byteLength;
      if (total > limit) {
        incoming.pause();
        finish(failed('too_large'));
      } else {
        chunks.push(chunk);
      }
    };
    const onEnd = () => finish({ ok: true, bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total) });
    // The client went away mid-body (close without end), or the socket failed.
    const onGone = () => finish(failed('incomplete'));
    if (incoming.readableEnded) return onEnd();
    incoming.on('data', onData).on('end', onEnd).on('error', onGone).on('close', onGone);
  });
}

/** Inflates on libuv's thread pool; zlib errors out when the output would pass `limit`. */
function inflateCapped(bytes: Buffer, limit: number): Promise<BodyResult> {
  return new Promise((settle) => {
    gunzip(bytes, { maxOutputLength: limit }, (err, out) => {
      if (!err) settle({ ok: true, bytes: out });
      else settle(failed((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? 'too_large' : 'bad_encoding'));
    });
  });
}
