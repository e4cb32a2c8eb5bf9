// Writing one export: the dataset's rows, read one at a time, formatted, and written through a
// file stream that is waited on when full (backpressure), so memory stays flat however long the
// period. The file is written under a temporary name and renamed when complete: a cancelled or
// failed export leaves nothing behind, and nobody opens half a file. Runs the same in a worker
// thread (exportWorker.ts) or in the caller's thread for a small period.
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import type { ExportOptions } from '../../../shared/api/exports.js';
import { headersOf, type ExportDataset } from '../../../shared/exports/columns.js';
import { csvFormat, UTF8_BOM } from '../../../shared/exports/csvFormat.js';
import type { Db } from '../db/database.js';
import { datasetQuery } from './datasets.js';

export interface ExportRequest {
  dataset: ExportDataset;
  from: string;
  to: string;
  options: ExportOptions;
  /** The finished file's full path. */
  path: string;
  /** How many rows the period has (counted by the caller), for progress. */
  total: number;
  /** Our account → the code and name the journal export writes. */
  accounts: Record<string, { code: string; name: string }>;
}

export interface ExportControl {
  progress(done: number, total: number): void;
  cancelled(): boolean;
}

export type ExportOutcome = { rows: number; bytes: number; cancelled: boolean };

/** Characters gathered before one write to the stream: enough that writes are few, few enough that the
 * buffers each write allocates outside the heap stay small (256 Ki made the 1M-line export peak 20 MB higher). */
const CHUNK_CHARS = 64 * 1024;
/** Rows between progress reports and cancel checks. */
const REPORT_EVERY = 20_000;

export const partialPath = (path: string) => `${path}.partial`;

/**
 * Writes the file. `streaming` reads the rows one at a time from an open statement, which holds
 * the connection between writes: only on a connection of its own (the worker's). On the shared
 * connection a small period is read whole first, so no other call finds it busy.
 */
export async function writeExport(db: Db, request: ExportRequest, control: ExportControl, streaming: boolean): Promise<ExportOutcome> {
  const query = datasetQuery(request.dataset);
  const format = csvFormat(request.options);
  const { total } = request;
  const temporary = partialPath(request.path);
  const stream = createWriteStream(temporary, { flags: 'w', highWaterMark: CHUNK_CHARS * 2 });
  const failure = new Promise<never>((_, reject) => stream.once('error', reject));
  failure.catch(() => undefined);
  const drained = () => Promise.race([new Promise<void>((resolve) => stream.once('drain', resolve)), failure]);

  let buffer = (request.options.bom ? UTF8_BOM : '') + format.record(headersOf(request.dataset));
  let rows = 0;
  let cancelled = false;
  try {
    const statement = db.prepare<{ from: string; to: string }, (string | number | null)[]>(query.sql).raw(true);
    const params = { from: request.from, to: request.to };
    for (const row of streaming ? statement.iterate(params) : statement.all(params)) {
      buffer += format.record(query.toRecord(row, format, request.accounts));
      rows += 1;
      if (buffer.length >= CHUNK_CHARS) {
        const more = stream.write(buffer);
        buffer = '';
        if (!more) await drained();
      }
      if (rows % REPORT_EVERY === 0) {
        control.progress(rows, total);
        if (control.cancelled()) {
          cancelled = true;
          break;
        }
      }
    }
    if (!cancelled) stream.write(buffer);
    await Promise.race([new Promise<void>((resolve) => stream.end(resolve)), failure]);
  } catch (error) {
    stream.destroy();
    rmSync(temporary, { force: true });
    throw error;
  }
  if (cancelled) {
    rmSync(temporary, { force: true });
    return { rows, bytes: 0, cancelled: true };
  }
  renameSync(temporary, request.path);
  control.progress(rows, total);
  return { rows, bytes: stream.bytesWritten, cancelled: false };
}
