/**
 * The GFMIS disbursement import at 100,000 lines: one file of Chiang Mai's FY 2569 demo projects
 * through the import service (reading, checking every row, the audited batch, COPY into a
 * temporary table and the upsert into `disbursement`), next to the floor — a bare COPY of the
 * same rows into a scratch table — in the same run. Goal: under 10 s.
 *
 *   npm run bench -- gfmis-import
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { createApp } from '../../apps/api/src/bootstrap';
import { loadConfig } from '../../apps/api/src/config/app-config';
import { startEmbeddedPostgres, throwawayDir } from '../../apps/api/src/database/embedded-postgres';
import { prepareDatabase } from '../../apps/api/src/database/prepare-database';
import { DisbursementImportService } from '../../apps/api/src/modules/projects/import/disbursement-import.service';
import { record, round } from './support';

const LINES = 100_000;
const FY = 2569;
const MONTHS = [
  '10/2568',
  '11/2568',
  '12/2568',
  '01/2569',
  '02/2569',
  '03/2569',
  '04/2569',
  '05/2569',
  '06/2569',
  '07/2569',
  '08/2569',
  '09/2569',
];

/** A monthly-layout GFMIS file: every line its own (project, month, document, line). */
function gfmisCsv(codes: string[], cents: number): Buffer {
  const out = ['\ufeffรหัสโครงการ,เดือน,เลขที่เอกสาร,ลำดับรายการ,ก่อหนี้ผูกพัน (PO),เบิกจ่าย'];
  for (let i = 0; i < LINES; i++) {
    const code = codes[i % codes.length];
    const month = MONTHS[Math.floor(i / codes.length) % 12];
    const doc = `GB${String(Math.floor(i / (codes.length * 12))).padStart(8, '0')}`;
    out.push(`${code},${month},${doc},1,"${(1000 + (i % 977)).toLocaleString('en-US')}.${cents}",${(i % 500) + 1}.25`);
  }
  return Buffer.from(out.join('\r\n') + '\r\n', 'utf8');
}

export default async (): Promise<void> => {
  const home = throwawayDir('provdash-bench-');
  const db = await startEmbeddedPostgres({ dataDir: join(home, 'pg'), database: 'provdash_bench', persistent: false });
  const pg = new Client({ connectionString: db.url });
  const config = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'b'.repeat(40), DATABASE_URL: db.url });
  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  try {
    await prepareDatabase(db.url, { demo: true });
    app = await createApp({ config, databaseUrl: db.url });
    app.useLogger(['error']);
    await app.init();
    await pg.connect();
    const projects: { id: string; code: string }[] = (
      await pg.query(
        `SELECT p.id, p.code FROM project p JOIN org_unit u ON u.id = p.org_unit_id
          WHERE u.code = '50' AND p.fiscal_year = $1 ORDER BY p.code`,
        [FY],
      )
    ).rows;
    const codes = projects.map((p) => p.code);
    const service = app.get(DisbursementImportService);
    const first = gfmisCsv(codes, 10);
    const second = gfmisCsv(codes, 20);
    console.log(
      `file: ${LINES.toLocaleString('en-US')} lines, ${(first.length / 1024 / 1024).toFixed(1)} MB, ${codes.length} projects × 12 months`,
    );

    const run = async (label: string, file: Buffer) => {
      const start = performance.now();
      const report = await service.import(
        '50',
        FY,
        { buffer: file, originalname: `${label}.csv` },
        { dryRun: false, lang: 'en', actor: null },
      );
      const ms = performance.now() - start;
      if (report.lines !== LINES) throw new Error(`${label}: ${report.lines} lines written`);
      return ms;
    };
    const insert = await run('import (new lines)', first);
    const upsert = await run('re-import (every line replaced)', second);

    // The floor: the same 100,000 rows, already parsed, straight into a scratch table by COPY.
    await pg.query(
      `CREATE TABLE bench_copy (project_id uuid, month date, source_document varchar(64), source_line integer, committed numeric(18,2), disbursed numeric(18,2))`,
    );
    const rows: string[] = [];
    for (let i = 0; i < LINES; i++) {
      const p = projects[i % projects.length];
      const m = Math.floor(i / projects.length) % 12;
      const month = `${m < 3 ? 2025 : 2026}-${String(((m + 9) % 12) + 1).padStart(2, '0')}-01`;
      rows.push(`${p.id}\t${month}\tGB${i}\t1\t${1000 + (i % 977)}.10\t${(i % 500) + 1}.25\n`);
    }
    const copyStart = performance.now();
    await pipeline(Readable.from([rows.join('')]), pg.query(copyFrom('COPY bench_copy FROM STDIN')));
    const copy = performance.now() - copyStart;

    const rate = (ms: number) => Math.round(LINES / (ms / 1000)).toLocaleString('en-US');
    console.log('\n| measurement | seconds | lines/s | × bare COPY |\n| --- | ---: | ---: | ---: |');
    for (const [label, ms] of [
      ['bare COPY into a scratch table (pg)', copy],
      ['import, 100,000 new lines (service)', insert],
      ['re-import, 100,000 lines replaced (service)', upsert],
    ] as const) {
      console.log(`| ${label} | ${(ms / 1000).toFixed(2)} | ${rate(ms)} | ${(ms / copy).toFixed(1)} |`);
    }
    const worst = Math.max(insert, upsert) / 1000;
    console.log(`\nimport of 100,000 lines < 10 s: ${worst < 10 ? 'met' : 'NOT met'} (${worst.toFixed(2)} s at worst)`);
    const seconds = (ms: number) => round(ms / 1000);
    record('gfmis-import', {
      lines: LINES,
      fileMiB: round(first.length / 1024 / 1024, 1),
      copySeconds: seconds(copy),
      importSeconds: seconds(insert),
      reimportSeconds: seconds(upsert),
      met: worst < 10,
    });
  } finally {
    await pg.end().catch(() => undefined);
    await app?.close();
    await db.stop();
    rmSync(home, { recursive: true, force: true });
  }
};
