// Streams an export one row at a time: the store yields rows from a snapshot and the
// response pulls them only as fast as the client reads, so memory stays flat however many
// reports there are.
import type { Context } from 'hono';
import { jsonlRow, ktoRow } from './export-rows';
import type { FeedbackStore, StoredReport } from './store';

export const EXPORT_FORMATS = {
  jsonl: (s: StoredReport) => jsonlRow(s),
  kto: (s: StoredReport) => {
    const row = ktoRow(s.report);
    return row && JSON.stringify(row);
  },
} as const;
export type ExportFormat = keyof typeof EXPORT_FORMATS;

export function isExportFormat(value: string | undefined): value is ExportFormat {
  return value !== undefined && Object.hasOwn(EXPORT_FORMATS, value);
}

/** `toLine` answers null for a report the format has no row for (a KTO export skips shared conversations). */
export function linesOf(rows: AsyncIterable<StoredReport>, toLine: (s: StoredReport) => string | null): ReadableStream<Uint8Array> {
  const it = rows[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  return new ReadableStream({
    async pull(controller) {
      for (;;) {
        const next = await it.next();
        if (next.done) return controller.close();
        const line = toLine(next.value);
        if (line !== null) return controller.enqueue(encoder.encode(`${line}\n`));
      }
    },
    async cancel() {
      await it.return?.();
    },
  });
}

export function exportResponse(c: Context, store: FeedbackStore, format: ExportFormat, now: Date): Response {
  const day = now.toISOString().slice(0, 10);
  return c.body(linesOf(store.each(), EXPORT_FORMATS[format]), 200, {
    'Content-Type': 'application/x-ndjson; charset=utf-8',
    'Content-Disposition': `attachment; filename="feedback-${format}-${day}.jsonl"`,
    'Cache-Control': 'no-store',
  });
}
