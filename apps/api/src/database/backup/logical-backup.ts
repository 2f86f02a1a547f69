import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream, renameSync, rmSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { Client } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import { dataSourceOptions, migrations as knownMigrations } from '../data-source';

/**
 * A logical backup of the application database, for servers whose own pg_dump is not at hand: the
 * embedded PostgreSQL ships without one, and Debian's client (15) refuses to dump a newer server.
 *
 * What it holds, all read in one REPEATABLE READ READ ONLY transaction (the snapshot pg_dump takes):
 * the names of the applied migrations, every table's rows as COPY text, and every sequence's value.
 * The schema is not copied: a restore rebuilds it by running exactly those migrations, which are
 * the schema's definition here anyway (every change is a migration), then COPYs the rows back.
 *
 * File: gzip of lines. `PROVDASH-BACKUP 1`, a JSON meta line, then per table a JSON line naming it
 * and its columns, its COPY rows, `\.` and a JSON line with the row count and the SHA-256 of the
 * rows; then the sequences and an end line. A file without the end line is incomplete.
 */
export const BACKUP_MAGIC = 'PROVDASH-BACKUP 1';

export interface BackupMeta {
  kind: 'meta';
  createdAt: string;
  serverVersion: string;
  database: string;
  /** Applied migrations, in the order they ran. */
  migrations: string[];
}

export interface TableSummary {
  table: string;
  rows: number;
  sha256: string;
}

export interface BackupSummary {
  file: string;
  bytes: number;
  migrations: number;
  tables: TableSummary[];
  seconds: number;
}

interface TableInfo {
  schema: string;
  name: string;
  columns: string[];
}

type Line =
  | BackupMeta
  | { kind: 'table'; schema: string; name: string; columns: string[] }
  | { kind: 'end-table'; rows: number; sha256: string }
  | { kind: 'sequences'; values: { schema: string; name: string; lastValue: string; isCalled: boolean }[] }
  | { kind: 'end'; tables: number };

const jsonLine = (line: Line) => Buffer.from(`${JSON.stringify(line)}\n`);

const qualified = (c: Client, schema: string, name: string) =>
  `${c.escapeIdentifier(schema)}.${c.escapeIdentifier(name)}`;

/** Writes a backup of `url` to `file` (via `file.partial`, renamed at the end: a file that exists is whole). */
export async function backupDatabase(url: string, file: string): Promise<BackupSummary> {
  const started = Date.now();
  const client = new Client({ connectionString: url, application_name: 'provdash-backup' });
  await client.connect();
  const partial = `${file}.partial`;
  const tables: TableSummary[] = [];
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const [{ server_version: serverVersion, db }] = (
      await client.query(`SELECT current_setting('server_version') AS server_version, current_database() AS db`)
    ).rows;
    const applied = (await client.query(`SELECT name FROM migration ORDER BY id`)).rows.map((r) => r.name as string);
    const list = await tablesInLoadOrder(client);
    const sequences = await sequenceValues(client);

    async function* content(): AsyncGenerator<Buffer> {
      yield Buffer.from(`${BACKUP_MAGIC}\n`);
      yield jsonLine({
        kind: 'meta',
        createdAt: new Date().toISOString(),
        serverVersion,
        database: db,
        migrations: applied,
      });
      for (const t of list) {
        yield jsonLine({ kind: 'table', schema: t.schema, name: t.name, columns: t.columns });
        const columns = t.columns.map((c) => client.escapeIdentifier(c)).join(', ');
        const copy = client.query(copyTo(`COPY ${qualified(client, t.schema, t.name)} (${columns}) TO STDOUT`));
        const hash = createHash('sha256');
        let rows = 0;
        for await (const chunk of copy as AsyncIterable<Buffer>) {
          hash.update(chunk);
          // In COPY text format a raw newline only ever ends a row: newlines in values are escaped.
          for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) rows++;
          yield chunk;
        }
        const sha256 = hash.digest('hex');
        tables.push({ table: `${t.schema}.${t.name}`, rows, sha256 });
        yield Buffer.from('\\.\n');
        yield jsonLine({ kind: 'end-table', rows, sha256 });
      }
      yield jsonLine({ kind: 'sequences', values: sequences });
      yield jsonLine({ kind: 'end', tables: list.length });
    }

    await pipeline(Readable.from(content()), createGzip(), createWriteStream(partial, { mode: 0o600 }));
    await client.query('COMMIT');
    renameSync(partial, file);
    return {
      file,
      bytes: statSync(file).size,
      migrations: applied.length,
      tables,
      seconds: (Date.now() - started) / 1000,
    };
  } catch (error) {
    rmSync(partial, { force: true });
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * Ordinary tables of the application's schemas, parents before children, so rows COPYed back in
 * this order satisfy every foreign key as they arrive (the restoring role is no superuser and
 * cannot switch the checks off). A table referring to itself is fine: COPY checks at its end.
 */
async function tablesInLoadOrder(client: Client): Promise<TableInfo[]> {
  const { rows } = await client.query<{ oid: number; schema: string; name: string; columns: string[] }>(`
    SELECT c.oid::int AS oid, n.nspname AS schema, c.relname AS name,
           array_agg(a.attname::text ORDER BY a.attnum) AS columns
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
     WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema')
       AND n.nspname NOT LIKE 'pg\\_%' AND c.relname <> 'migration'
     GROUP BY c.oid, n.nspname, c.relname
     ORDER BY n.nspname, c.relname`);
  const edges = (
    await client.query<{ child: number; parent: number }>(
      `SELECT conrelid::int AS child, confrelid::int AS parent FROM pg_constraint WHERE contype = 'f' AND conrelid <> confrelid`,
    )
  ).rows;
  const byOid = new Map(rows.map((r) => [r.oid, r]));
  const parents = new Map<number, number[]>();
  for (const e of edges)
    if (byOid.has(e.child) && byOid.has(e.parent)) parents.set(e.child, [...(parents.get(e.child) ?? []), e.parent]);
  const ordered: TableInfo[] = [];
  const state = new Map<number, 'visiting' | 'done'>();
  const visit = (oid: number, path: string[]) => {
    const s = state.get(oid);
    if (s === 'done') return;
    const t = byOid.get(oid) as TableInfo & { oid: number };
    if (s === 'visiting')
      throw new Error(`Foreign keys form a cycle (${[...path, t.name].join(' → ')}): cannot order the tables`);
    state.set(oid, 'visiting');
    for (const p of parents.get(oid) ?? []) visit(p, [...path, t.name]);
    state.set(oid, 'done');
    ordered.push({ schema: t.schema, name: t.name, columns: t.columns });
  };
  for (const r of rows) visit(r.oid, []);
  return ordered;
}

async function sequenceValues(client: Client) {
  const { rows } = await client.query<{ schema: string; name: string }>(
    `SELECT schemaname AS schema, sequencename AS name FROM pg_sequences
      WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2`,
  );
  const values = [];
  for (const s of rows) {
    const [v] = (
      await client.query(
        `SELECT last_value::text AS "lastValue", is_called AS "isCalled" FROM ${qualified(client, s.schema, s.name)}`,
      )
    ).rows;
    values.push({ schema: s.schema, name: s.name, lastValue: v.lastValue as string, isCalled: v.isCalled as boolean });
  }
  return values;
}

export interface RestoreSummary {
  migrations: number;
  tables: TableSummary[];
  seconds: number;
}

/**
 * Restores `file` into the database at `url`, which must be empty (no tables): the backup's
 * migrations build the schema, then every table's rows are COPYed back and every sequence is set,
 * in one transaction with the row counts and checksums verified before it commits. A backup taken
 * by a newer version (a migration this code does not know) is refused; migrations newer than the
 * backup are left for the app to apply when it starts, as after any upgrade.
 */
export async function restoreDatabase(file: string, url: string): Promise<RestoreSummary> {
  const started = Date.now();
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  const next = async (): Promise<string> => {
    const r = await iterator.next();
    if (r.done) throw new Error(`${file} ends early: the backup is incomplete`);
    return r.value;
  };
  const json = async <K extends Line['kind']>(kind: K): Promise<Extract<Line, { kind: K }>> => {
    const line = JSON.parse(await next()) as Line;
    if (line.kind !== kind) throw new Error(`${file}: expected a ${kind} line, found ${line.kind}`);
    return line as Extract<Line, { kind: K }>;
  };

  if ((await next()) !== BACKUP_MAGIC) throw new Error(`${file} is not a provdash backup`);
  const meta = await json('meta');
  const known = new Map(knownMigrations.map((m) => [m.name, m]));
  const unknown = meta.migrations.filter((n) => !known.has(n));
  if (unknown.length) {
    throw new Error(
      `The backup was taken by a newer version (migrations ${unknown.join(', ')}): restore it with that version`,
    );
  }

  const client = new Client({ connectionString: url, application_name: 'provdash-restore' });
  await client.connect();
  const tables: TableSummary[] = [];
  try {
    const { rows: existing } = await client.query(
      `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')`,
    );
    if (existing[0].n > 0) throw new Error('The target database is not empty: restore into a new, empty database');

    // Exactly the backup's schema: its migrations, in its order.
    const schema = new DataSource({
      ...dataSourceOptions(url),
      migrations: meta.migrations.map((n) => known.get(n) as (typeof knownMigrations)[number]),
    });
    await schema.initialize();
    try {
      await schema.runMigrations({ transaction: 'each' });
    } finally {
      await schema.destroy();
    }

    await client.query('BEGIN');
    // The rows come back exactly as they were, derived ones included (disbursement_month_total):
    // triggers that would compute them again from the rows being restored stay off until the end.
    const { rows: triggered } = await client.query<{ name: string }>(
      `SELECT DISTINCT c.oid::regclass::text AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE NOT t.tgisinternal AND n.nspname NOT IN ('pg_catalog', 'information_schema')`,
    );
    for (const t of triggered) await client.query(`ALTER TABLE ${t.name} DISABLE TRIGGER USER`);
    for (;;) {
      const line = JSON.parse(await next()) as Line;
      if (line.kind === 'sequences') {
        for (const s of line.values) {
          await client.query(`SELECT setval($1::regclass, $2::bigint, $3)`, [
            qualified(client, s.schema, s.name),
            s.lastValue,
            s.isCalled,
          ]);
        }
        continue;
      }
      if (line.kind === 'end') break;
      if (line.kind !== 'table') throw new Error(`${file}: unexpected ${line.kind} line`);
      const name = qualified(client, line.schema, line.name);
      const columns = line.columns.map((c) => client.escapeIdentifier(c)).join(', ');
      const copy = client.query(copyFrom(`COPY ${name} (${columns}) FROM STDIN`));
      const hash = createHash('sha256');
      let rows = 0;
      for (;;) {
        const row = await next();
        if (row === '\\.') break;
        const data = Buffer.from(`${row}\n`);
        hash.update(data);
        rows++;
        if (!copy.write(data)) await once(copy, 'drain');
      }
      copy.end();
      await finished(copy);
      const sha256 = hash.digest('hex');
      const expected = await json('end-table');
      const [{ n }] = (await client.query(`SELECT count(*)::int AS n FROM ${name}`)).rows;
      if (expected.sha256 !== sha256 || expected.rows !== rows || n !== rows) {
        throw new Error(`${line.schema}.${line.name}: the file's rows do not match its checksum (damaged backup)`);
      }
      tables.push({ table: `${line.schema}.${line.name}`, rows, sha256 });
    }
    for (const t of triggered) await client.query(`ALTER TABLE ${t.name} ENABLE TRIGGER USER`);
    await client.query('COMMIT');
    return { migrations: meta.migrations.length, tables, seconds: (Date.now() - started) / 1000 };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    lines.close();
    await client.end();
  }
}

/** Reads just the meta line (for listing backups). */
export async function readBackupMeta(file: string): Promise<BackupMeta> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  try {
    const it = lines[Symbol.asyncIterator]();
    if ((await it.next()).value !== BACKUP_MAGIC) throw new Error(`${file} is not a provdash backup`);
    return JSON.parse((await it.next()).value) as BackupMeta;
  } finally {
    lines.close();
  }
}
