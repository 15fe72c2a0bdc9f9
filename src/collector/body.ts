// Reads a request body with a hard cap on the bytes that come out of it. The cap applies
// after gunzip and is counted while inflating, so a small gzip bomb is stopped as soon as
// it passes the limit instead of being inflated in full.
export type BodyResult =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; error: 'too_large' | 'bad_encoding' | 'unsupported_encoding' | 'incomplete' };

export async function readLimitedBody(request: Request, limit: number): Promise<BodyResult> {
  const encoding = (request.headers.get('content-encoding') ?? 'identity').trim().toLowerCase();
  if (encoding !== 'identity' && encoding !== 'gzip') return { ok: false, error: 'unsupported_encoding' };
  // A declared length over the cap needs no reading at all (a gzip body never shrinks below
  // its inflated size by enough to matter here).
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (Number.isFinite(declared) && declared > limit) return { ok: false, error: 'too_large' };
  if (!request.body) return { ok: true, bytes: new Uint8Array() };

  const raw = request.body.pipeThrough(countingLimit(limit));
  const stream = encoding === 'gzip' ? raw.pipeThrough(new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>) : raw;
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limit) {
        await reader.cancel().catch(() => undefined);
        return { ok: false, error: 'too_large' };
      }
      chunks.push(value);
    }
  } catch (err) {
    if (err instanceof BodyTooLarge) return { ok: false, error: 'too_large' };
    // Otherwise the gzip data was corrupt, or the client went away mid-body.
    return { ok: false, error: encoding === 'gzip' ? 'bad_encoding' : 'incomplete' };
  }
  return { ok: true, bytes: concat(chunks, total) };
}

class BodyTooLarge extends Error {}

/** Caps the bytes on the wire too, for bodies sent without a Content-Length. */
function countingLimit(limit: number): TransformStream<Uint8Array, Uint8Array> {
  let seen = 0;
  return new TransformStream({
    transform(chunk, controller) {
      seen += chunk.byteLength;
      if (seen > limit) controller.error(new BodyTooLarge());
      else controller.enqueue(chunk);
    },
  });
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}
