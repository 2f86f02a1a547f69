import type { OpenDataFormat } from '@provdash/shared/contracts';
import { stream as excelStream } from 'exceljs';
import { PassThrough, Readable, Writable } from 'node:stream';
import type { Pool } from 'pg';
import type { BuiltQuery, DatasetDefinition } from './datasets';
import { csvLine, csvRow, jsonRow, UTF8_BOM, xlsxValue } from './row-format';

/** Rows fetched per round trip: large enough to keep PostgreSQL busy, small enough to stay flat. */
const BATCH = 2000;

/**
 * The rows of a query through a server-side cursor (DECLARE … FETCH), a batch at a time, inside
 * one read-only REPEATABLE READ transaction so a long download sees one consistent state. Only one
 * batch is ever held in memory. Stopping early (the client went away) rolls back, which closes the
 * cursor; a connection that failed mid-way is discarded rather than returned to the pool.
 */
export async function* cursorRows(pool: Pool, q: BuiltQuery): AsyncGenerator<Record<string, unknown>[]> {
  const client = await pool.connect();
  let failure: Error | undefined;
  let open = false;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    open = true;
    await client.query(`DECLARE open_data NO SCROLL CURSOR FOR ${q.sql}`, q.params);
    for (;;) {
      const { rows } = await client.query(`FETCH ${BATCH} FROM open_data`);
      if (rows.length === 0) break;
      yield rows;
    }
    await client.query('COMMIT');
    open = false;
  } catch (e) {
    failure = e instanceof Error ? e : new Error(String(e));
    throw e;
  } finally {
    if (open) await client.query('ROLLBACK').catch((e: Error) => (failure ??= e));
    client.release(failure);
  }
}

/**
 * Rows per chunk written to the response. A chunk of a few tens of kB is garbage the young
 * generation collects at once; a whole batch as one string (a megabyte) would land in V8's
 * large-object space, which is only swept by full collections, and the process would grow by
 * hundreds of MB before one runs.
 */
const ROWS_PER_CHUNK = 100;

function* slices<T>(batch: T[]): Generator<T[]> {
  for (let i = 0; i < batch.length; i += ROWS_PER_CHUNK) yield batch.slice(i, i + ROWS_PER_CHUNK);
}

async function* csvChunks(d: DatasetDefinition, rows: AsyncIterable<Record<string, unknown>[]>) {
  yield UTF8_BOM + csvLine(d.columns.map((c) => c.name));
  for await (const batch of rows) {
    for (const slice of slices(batch)) yield slice.map((r) => csvRow(r, d.columns)).join('');
  }
}

async function* jsonChunks(d: DatasetDefinition, rows: AsyncIterable<Record<string, unknown>[]>) {
  let first = true;
  yield '[';
  for await (const batch of rows) {
    for (const slice of slices(batch)) {
      yield (first ? '\n' : ',\n') + slice.map((r) => jsonRow(r, d.columns)).join(',\n');
      first = false;
    }
  }
  yield '\n]\n';
}

/** Resolves once the stream takes writes again, or is gone. */
async function drained(out: Writable): Promise<void> {
  while (out.writableNeedDrain && !out.destroyed) {
    await new Promise<void>((resolve) => {
      const done = () => {
        out.off('drain', done);
        out.off('close', done);
        resolve();
      };
      out.once('drain', done);
      out.once('close', done);
    });
  }
}

/**
 * Waits while the zip entry a streaming worksheet writes into holds more than its high-water mark.
 * exceljs pipes each sheet's buffer into archiver's deflate stream without heeding its
 * backpressure, so rows produced faster than they are compressed pile up there as Buffers (over
 * 400 MB for 500,000 rows). That stream is readable-stream's (no `writableLength`), hence its
 * `_writableState`; both are exceljs's and archiver's internals, and where they are missing the wait
 * is skipped (only the response is then waited on).
 */
async function sheetDrained(ws: unknown, out: Writable): Promise<void> {
  const sink = (ws as { stream?: { pipes?: Writable[] } }).stream?.pipes?.[0];
  const state = (sink as { _writableState?: { length: number; highWaterMark: number } } | undefined)?._writableState;
  while (sink && state && state.length > state.highWaterMark && !out.destroyed) {
    await new Promise<void>((resolve) => {
      const done = () => {
        sink.off('drain', done);
        out.off('close', done);
        resolve();
      };
      sink.once('drain', done);
      out.once('close', done);
    });
  }
}

/**
 * The workbook through exceljs's streaming writer: each row is committed (serialised into the zip
 * entry) as it is added, and shared strings are off, so nothing accumulates per row. exceljs does
 * not wait for its reader, so after each batch we wait for the response to drain: a slow client
 * slows the cursor instead of filling memory.
 */
function xlsxStream(d: DatasetDefinition, rows: AsyncIterable<Record<string, unknown>[]>, titleTh: string): Readable {
  const out = new PassThrough({ highWaterMark: 1 << 20 });
  const write = async () => {
    const wb = new excelStream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    wb.creator = 'provdash';
    const ws = wb.addWorksheet(d.id, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = d.columns.map((c) => ({ width: Math.min(40, Math.max(10, c.name.length + 2)) }));
    const header = ws.addRow(d.columns.map((c) => c.name));
    header.font = { bold: true };
    header.commit();
    for await (const batch of rows) {
      for (const r of batch) ws.addRow(d.columns.map((c) => xlsxValue(r[c.name], c.type))).commit();
      await sheetDrained(ws, out);
      await drained(out);
      if (out.destroyed) return;
    }
    ws.commit();
    // The dictionary travels with the data: a second sheet, in Thai and English.
    const dict = wb.addWorksheet('dictionary');
    dict.columns = [{ width: 24 }, { width: 10 }, { width: 14 }, { width: 60 }, { width: 60 }];
    const head = dict.addRow(['column', 'type', 'unit / หน่วย', 'คำอธิบาย', 'description']);
    head.font = { bold: true };
    head.commit();
    for (const c of d.columns) {
      dict
        .addRow([c.name, c.type, c.unitTh ? `${c.unitTh} / ${c.unitEn}` : null, c.descriptionTh, c.descriptionEn])
        .commit();
    }
    dict.addRow([]).commit();
    dict.addRow([titleTh]).commit();
    dict.commit();
    await wb.commit();
  };
  write().catch((e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e))));
  return out;
}

/** A dataset download as a stream of bytes in the format asked for. */
export function datasetStream(
  d: DatasetDefinition,
  format: OpenDataFormat,
  rows: AsyncGenerator<Record<string, unknown>[]>,
  titleTh: string,
): Readable {
  if (format === 'xlsx') {
    const out = xlsxStream(d, rows, titleTh);
    // The client went away: stop fetching (the generator's finally closes the cursor).
    out.once('close', () => void rows.return(undefined));
    return out;
  }
  return Readable.from(format === 'csv' ? csvChunks(d, rows) : jsonChunks(d, rows), { objectMode: false });
}
