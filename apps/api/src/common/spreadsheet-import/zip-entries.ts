import { HttpStatus } from '@nestjs/common';
import { pipeline, Readable, Transform, TransformCallback } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { ApiError } from '../api-error';

export interface ZipEntry {
  name: string;
  method: number;
  /** Where the compressed bytes start and end in the buffer. */
  start: number;
  end: number;
}

/** Inflated bytes of a whole upload, shared by all the entries read from it. */
export interface InflateBudget {
  used: number;
  readonly max: number;
}

const unreadable = () => new ApiError(HttpStatus.BAD_REQUEST, 'import.unreadable');

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * The entries of a zip held in memory, from its central directory. Nothing is inflated here,
 * and the sizes the zip declares unpacked are not even read: only what inflating really produces
 * counts (readEntry). A zip with more entries than `maxEntries` is refused before any is opened;
 * encrypted entries, methods other than stored/deflate and Zip64 (no workbook of these imports
 * needs 4 GB) are unreadable.
 */
export function zipEntries(buf: Buffer, maxEntries: number): Map<string, ZipEntry> {
  // The end record is at least 22 bytes, followed by a comment of at most 65535.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw unreadable();
  const declared = buf.readUInt16LE(eocd + 10);
  const directory = buf.readUInt32LE(eocd + 16);
  if (declared === 0xffff || directory === 0xffffffff) throw unreadable();
  const entries = new Map<string, ZipEntry>();
  let at = directory;
  // Walk the records that are really there, not the count the end record claims.
  while (at + 4 <= eocd && buf.readUInt32LE(at) === CENTRAL) {
    if (entries.size >= maxEntries) throw new ApiError(HttpStatus.BAD_REQUEST, 'import.limitEntries');
    if (at + 46 > buf.length) throw unreadable();
    const flags = buf.readUInt16LE(at + 8);
    const method = buf.readUInt16LE(at + 10);
    const compressed = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const next = at + 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    if (next > buf.length || compressed === 0xffffffff || local === 0xffffffff) throw unreadable();
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    if (flags & 0x1 || (method !== 0 && method !== 8)) throw unreadable();
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== LOCAL) throw unreadable();
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (start + compressed > buf.length) throw unreadable();
    entries.set(name, { name, method, start, end: start + compressed });
    at = next;
  }
  if (entries.size === 0) throw unreadable();
  return entries;
}

/**
 * The longest run of XML without a `<` that a part may hold: a cell's text, or the blank between
 * tags. A narrative is at most 4,000 characters; a megabyte is no spreadsheet's, and exceljs would
 * gather such a text whole into one string before any row could be counted.
 */
export const MAX_XML_TEXT_RUN = 1024 * 1024;

/**
 * Counts the bytes flowing through against the upload's budget, and the longest text between
 * tags, and fails the stream past either.
 */
class Counter extends Transform {
  private run = 0;

  constructor(private readonly budget: InflateBudget) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.budget.used += chunk.length;
    if (this.budget.used > this.budget.max) return done(new ApiError(HttpStatus.BAD_REQUEST, 'import.limitUnpacked'));
    const tooLong = () => new ApiError(HttpStatus.BAD_REQUEST, 'import.limitCellText');
    let from = 0;
    let at = chunk.indexOf(0x3c);
    while (at !== -1) {
      if (this.run + at - from > MAX_XML_TEXT_RUN) return done(tooLong());
      this.run = 0;
      from = at + 1;
      at = chunk.indexOf(0x3c, from);
    }
    this.run += chunk.length - from;
    if (this.run > MAX_XML_TEXT_RUN) return done(tooLong());
    done(null, chunk);
  }
}

/**
 * One entry's content as a stream, inflated as it is consumed (zlib's 16 kB chunks), each chunk
 * counted: a zip bomb or a lying size header fails at the budget, having held one chunk at a time.
 * The stream fails with the limit's ApiError, or with zlib's error for corrupt data (the reader
 * answers that as unreadable). Destroy it to stop early; the inflater goes with it.
 */
export function readEntry(buf: Buffer, entry: ZipEntry, budget: InflateBudget): Readable {
  const source = Readable.from([buf.subarray(entry.start, entry.end)]);
  const counter = new Counter(budget);
  // The callback only keeps a failure from being unhandled: the counter carries it to the reader.
  const done = () => undefined;
  if (entry.method === 8) pipeline(source, createInflateRaw(), counter, done);
  else pipeline(source, counter, done);
  return counter;
}
