import type { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';

type Cell = string | number | bigint | boolean | null | undefined;

/** COPY's text format: backslash escapes for the four characters that would break a line or a field. */
function field(value: Cell): string {
  if (value === null || value === undefined) return '\\N';
  const text = String(value);
  return /[\\\t\n\r]/.test(text)
    ? text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : text;
}

/**
 * Rows of one table, kept as COPY text until `flush`: a table's rows for one fiscal year are a few
 * tens of megabytes at most, and writing them in one stream is what makes the load take minutes
 * rather than hours (one round trip per table instead of one per row or per batch).
 */
export class CopyBuffer {
  private chunks: string[] = [];
  private current = '';
  count = 0;

  constructor(
    readonly table: string,
    readonly columns: readonly string[],
  ) {}

  push(...values: Cell[]): void {
    this.current += values.map(field).join('\t') + '\n';
    this.count++;
    // Strings of a few hundred kilobytes: big enough for few writes, small enough to never copy a huge one.
    if (this.current.length > 256 * 1024) {
      this.chunks.push(this.current);
      this.current = '';
    }
  }

  async flush(client: Client): Promise<number> {
    if (this.current) this.chunks.push(this.current);
    const rows = this.count;
    const chunks = this.chunks;
    this.chunks = [];
    this.current = '';
    this.count = 0;
    if (!rows) return 0;
    const list = this.columns.map((c) => `"${c}"`).join(', ');
    const stream = client.query(copyFrom(`COPY "${this.table}" (${list}) FROM STDIN`));
    for (const chunk of chunks) {
      if (!stream.write(chunk)) await once(stream, 'drain');
    }
    stream.end();
    await finished(stream);
    return rows;
  }
}
