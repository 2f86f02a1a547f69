import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DisbursementBatchImportedEvent, DisbursementImportPhase } from '@provdash/shared/contracts';
import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource, EntityManager } from 'typeorm';
import { ApiError, conflict, notFound } from '../../../common/api-error';
import { DomainEventBus } from '../../../common/domain-events/domain-event-bus';
import { Lang, message, MessageKey } from '../../../common/messages';
import { TimedImport } from '../../metrics/import-timing';
import type { ActorClaims } from '../../access/actor';
import { ImportErrorDto } from '../../kpis/import/dto/results-import.dto';
import { Cell, SheetRow } from '../../../common/spreadsheet-import/sheet-definition';
import { readTable } from '../../../common/spreadsheet-import/spreadsheet-reader';
import { ImportRejected } from '../../../common/spreadsheet-import/spreadsheet-upload';
import { OrgUnit } from '../../org-units/org-unit.entity';
import { DisbursementBatch } from '../disbursement-batch.entity';
import { DisbursementBatchDto, DisbursementImportReportDto, MonthTotalsDto } from './disbursement-import.dto';
import {
  formatSatang,
  GFMIS_SHEET,
  GfmisColumn,
  gfmisColumnLabel,
  monthsOfFiscalYear,
  parseDateMonth,
  parseLine,
  parseMoney,
  parseMonth,
  text,
} from './gfmis-sheet';

export interface UploadedFile {
  buffer: Buffer;
  originalname: string;
}

export interface ImportOptions {
  dryRun: boolean;
  uploadId?: string;
  lang: Lang;
  /** Who uploads: progress goes to their own room; null for tools (the benchmark). */
  actor: ActorClaims | null;
}

/** One disbursement row to write: the key (project, month, document, line) and its amounts in satang. */
interface Line {
  projectId: string;
  month: string;
  document: string;
  line: number;
  committed: bigint;
  disbursed: bigint;
}

/** Sends a phase's progress to the uploader at most every 5 %. */
class Progress {
  private last = -1;
  private phase: DisbursementImportPhase = 'parsing';
  batchId?: string;

  constructor(
    private readonly send: (e: {
      batchId?: string;
      uploadId: string;
      phase: DisbursementImportPhase;
      done: number;
      total: number;
    }) => void,
    readonly uploadId: string,
  ) {}

  report(phase: DisbursementImportPhase, done: number, total: number): void {
    if (phase !== this.phase) {
      this.phase = phase;
      this.last = -1;
    }
    const step = total === 0 ? 20 : Math.floor((done * 20) / total);
    if (step <= this.last) return;
    this.last = step;
    this.send({ ...(this.batchId && { batchId: this.batchId }), uploadId: this.uploadId, phase, done, total });
  }
}

/**
 * The GFMIS disbursement import (docs/gfmis-import.md): every row is checked first and a file
 * with a single error writes nothing (422 with every bad row). A good file is written in one
 * transaction: the batch row (saved, so audited once), the rows staged with COPY into a temporary
 * table, then one INSERT … ON CONFLICT on the source key, so a re-imported or overlapping file
 * replaces its lines instead of adding them again.
 */
@Injectable()
export class DisbursementImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: DomainEventBus,
  ) {}

  @TimedImport('gfmis')
  async import(
    code: string,
    fiscalYear: number,
    file: UploadedFile | undefined,
    opts: ImportOptions,
  ): Promise<DisbursementImportReportDto> {
    if (!file) throw new ApiError(HttpStatus.BAD_REQUEST, 'import.fileRequired');
    const unit = await this.province(code);
    const uploadId = opts.uploadId ?? randomUUID();
    const actor = opts.actor;
    const progress = new Progress(
      // Outside any transaction: the after-commit reactors hear it at once.
      (e) =>
        actor &&
        void this.events.publish(this.dataSource.manager, 'disbursementImport.progressed', {
          userId: actor.sub,
          progress: e,
        }),
      uploadId,
    );
    progress.report('parsing', 0, 1);
    const checksum = createHash('sha256').update(file.buffer).digest('hex');
    const same = await this.committedWith(this.dataSource.manager, unit.id, checksum);
    if (same) return this.unchanged(same, opts.dryRun, progress);

    // The header, the row limit and the file's other limits are the shared reader's.
    const table = await readTable(file.buffer, GFMIS_SHEET);
    progress.report('parsing', 1, 1);

    const layout = table.columns.date !== undefined ? 'transactions' : 'monthly';
    const checked = await this.check(unit, fiscalYear, table.columns, table.rows, layout, opts.lang, progress);
    const report: DisbursementImportReportDto = {
      dryRun: opts.dryRun,
      unchanged: false,
      uploadId,
      batchId: null,
      layout,
      rows: checked.rows,
      lines: checked.lines.length,
      totalCommitted: formatSatang(checked.committed),
      totalDisbursed: formatSatang(checked.disbursed),
      months: checked.months,
      errors: checked.errors,
    };
    if (checked.errors.length > 0) {
      throw new ImportRejected({
        dryRun: opts.dryRun,
        rows: checked.rows,
        accepted: checked.rows - new Set(checked.errors.map((e) => e.row)).size,
        skipped: 0,
        errors: checked.errors,
      });
    }
    if (opts.dryRun) {
      progress.report('done', checked.lines.length, checked.lines.length);
      return report;
    }

    const written = await this.dataSource.transaction(async (m) => {
      // One import per province at a time: the checksum test below then cannot race a twin upload.
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('gfmis-import:' || $1))`, [unit.id]);
      const twin = await this.committedWith(m, unit.id, checksum);
      if (twin) return { twin };
      const batch = await m.save(
        m.create(DisbursementBatch, {
          orgUnitId: unit.id,
          fiscalYear,
          fileName: (file.originalname || 'gfmis').slice(0, 255),
          checksum,
          rows: checked.rows,
          totalCommitted: report.totalCommitted,
          totalDisbursed: report.totalDisbursed,
          status: 'committed',
          createdBy: actor?.sub ?? null,
          rolledBackBy: null,
          rolledBackAt: null,
        }),
      );
      progress.batchId = batch.id;
      await this.write(m, batch.id, checked.lines, progress);
      await this.announce(m, unit, fiscalYear, {
        batchId: batch.id,
        rolledBack: false,
        rows: checked.rows,
        months: checked.months.map((x) => x.month),
        totalCommitted: report.totalCommitted,
        totalDisbursed: report.totalDisbursed,
      });
      return { batch };
    });
    if ('twin' in written && written.twin) return this.unchanged(written.twin, false, progress);
    const batch = (written as { batch: DisbursementBatch }).batch;

    progress.report('done', checked.lines.length, checked.lines.length);
    return { ...report, batchId: batch.id };
  }

  async list(code: string, fiscalYear: number | undefined): Promise<DisbursementBatchDto[]> {
    const unit = await this.province(code);
    const rows = await this.dataSource.getRepository(DisbursementBatch).find({
      where: { orgUnitId: unit.id, ...(fiscalYear !== undefined && { fiscalYear }) },
      order: { createdAt: 'DESC' },
    });
    return rows.map((b) => toDto(b, unit.code));
  }

  /** Deletes the rows the batch still holds (one statement) and marks it rolled back (audited). */
  async rollback(batchId: string, actor: ActorClaims): Promise<DisbursementBatchDto> {
    return this.dataSource.transaction(async (m) => {
      const batch = await m.findOne(DisbursementBatch, {
        where: { id: batchId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!batch) throw notFound();
      if (batch.status === 'rolled_back') throw conflict('gfmis.alreadyRolledBack');
      await m.query(`DELETE FROM disbursement WHERE source_batch_id = $1`, [batch.id]);
      batch.status = 'rolled_back';
      batch.rolledBackBy = actor.sub;
      batch.rolledBackAt = new Date();
      const saved = await m.save(batch);
      const unit = await m.findOneByOrFail(OrgUnit, { id: batch.orgUnitId });
      await this.announce(m, unit, batch.fiscalYear, {
        batchId: batch.id,
        rolledBack: true,
        rows: batch.rows,
        months: [],
        totalCommitted: batch.totalCommitted,
        totalDisbursed: batch.totalDisbursed,
      });
      return toDto(saved, unit.code);
    });
  }

  /** Tells whoever reacts (the new rates and ranking: projects-live.reactor.ts), in the batch's transaction. */
  private async announce(
    m: EntityManager,
    unit: OrgUnit,
    fiscalYear: number,
    batch: Omit<DisbursementBatchImportedEvent, 'orgUnitCode' | 'fiscalYear' | 'rates'>,
  ): Promise<void> {
    await this.events.publish(m, batch.rolledBack ? 'disbursement.rolledBack' : 'disbursement.imported', {
      unit,
      fiscalYear,
      batch,
    });
  }

  private async province(code: string): Promise<OrgUnit> {
    const unit = await this.dataSource.getRepository(OrgUnit).findOne({ where: { code } });
    if (!unit || unit.type !== 'province') throw notFound('notFound.unit');
    return unit;
  }

  private committedWith(m: EntityManager, orgUnitId: string, checksum: string): Promise<DisbursementBatch | null> {
    return m.findOne(DisbursementBatch, { where: { orgUnitId, checksum, status: 'committed' } });
  }

  private unchanged(batch: DisbursementBatch, dryRun: boolean, progress: Progress): DisbursementImportReportDto {
    progress.batchId = batch.id;
    progress.report('done', 0, 0);
    return {
      dryRun,
      unchanged: true,
      uploadId: progress.uploadId,
      batchId: batch.id,
      layout: null,
      rows: batch.rows,
      lines: 0,
      totalCommitted: batch.totalCommitted,
      totalDisbursed: batch.totalDisbursed,
      months: [],
      errors: [],
    };
  }

  private async check(
    unit: OrgUnit,
    fiscalYear: number,
    columns: Partial<Record<GfmisColumn, number>>,
    rows: SheetRow[],
    layout: 'monthly' | 'transactions',
    lang: Lang,
    progress: Progress,
  ) {
    const projects: { id: string; code: string; status: string }[] = await this.dataSource.query(
      `SELECT id, upper(code) AS code, status FROM project WHERE org_unit_id = $1 AND fiscal_year = $2`,
      [unit.id, fiscalYear],
    );
    const byCode = new Map(projects.map((p) => [p.code, p]));
    const yearMonths = monthsOfFiscalYear(fiscalYear);
    const cell = (r: SheetRow, key: GfmisColumn): Cell => {
      const i = columns[key];
      return i === undefined ? null : (r.cells[i] ?? null);
    };
    const errors: ImportErrorDto[] = [];
    const lines = new Map<string, Line>();
    const months = new Map<string, { rows: number; committed: bigint; disbursed: bigint }>();
    let count = 0;
    let committed = 0n;
    let disbursed = 0n;

    for (let i = 0; i < rows.length; i++) {
      if (i % 1000 === 0) progress.report('validating', i, rows.length);
      const r = rows[i];
      if (r.cells.every((c) => text(c) === '')) continue;
      count++;
      const before = errors.length;
      const fail = (column: GfmisColumn, key: MessageKey) =>
        errors.push({ row: r.row, column: gfmisColumnLabel(column, lang), message: message(key, lang) });

      const codeText = text(cell(r, 'projectCode')).toUpperCase();
      const project = byCode.get(codeText);
      if (!codeText) fail('projectCode', 'gfmis.projectRequired');
      else if (!project) fail('projectCode', 'gfmis.projectUnknown');
      else if (project.status === 'cancelled') fail('projectCode', 'gfmis.projectCancelled');

      const monthColumn: GfmisColumn = layout === 'transactions' ? 'date' : 'month';
      const month = layout === 'transactions' ? parseDateMonth(cell(r, 'date')) : parseMonth(cell(r, 'month'));
      if (!month.ok) fail(monthColumn, month.key);
      else if (!yearMonths.has(month.value)) fail(monthColumn, 'gfmis.monthOutsideYear');

      const document = text(cell(r, 'document'));
      if (!document) fail('document', 'gfmis.documentRequired');
      else if (document.length > 64) fail('document', 'gfmis.documentTooLong');

      const line = parseLine(cell(r, 'line'));
      if (!line.ok) fail('line', line.key);
      const c = parseMoney(cell(r, 'committed'));
      if (!c.ok) fail('committed', c.key);
      const d = parseMoney(cell(r, 'disbursed'));
      if (!d.ok) fail('disbursed', d.key);
      if (errors.length > before || !project || !month.ok || !line.ok || !c.ok || !d.ok) continue;

      const key = `${project.id}|${month.value}|${document}|${line.value}`;
      const existing = lines.get(key);
      if (existing && layout === 'monthly') {
        fail('document', 'gfmis.duplicate');
        continue;
      }
      // Transactions sharing a document line in one month add up to that month's figure.
      if (existing) {
        existing.committed += c.value;
        existing.disbursed += d.value;
      } else {
        lines.set(key, {
          projectId: project.id,
          month: month.value,
          document,
          line: line.value,
          committed: c.value,
          disbursed: d.value,
        });
      }
      const mt = months.get(month.value) ?? { rows: 0, committed: 0n, disbursed: 0n };
      mt.rows++;
      mt.committed += c.value;
      mt.disbursed += d.value;
      months.set(month.value, mt);
      committed += c.value;
      disbursed += d.value;
    }
    progress.report('validating', rows.length, rows.length);
    const monthList: MonthTotalsDto[] = [...months.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([month, t]) => ({
        month,
        rows: t.rows,
        committed: formatSatang(t.committed),
        disbursed: formatSatang(t.disbursed),
      }));
    return { rows: count, errors, lines: [...lines.values()], months: monthList, committed, disbursed };
  }

  /** COPY into a temporary table, then one upsert on the source key. */
  private async write(m: EntityManager, batchId: string, lines: Line[], progress: Progress): Promise<void> {
    const runner = m.queryRunner;
    if (!runner) throw new Error('write needs a transaction');
    const client = (await runner.connect()) as PoolClient;
    await m.query(
      `CREATE TEMP TABLE gfmis_stage (
         project_id uuid NOT NULL, month date NOT NULL, source_document varchar(64) NOT NULL,
         source_line integer NOT NULL, committed numeric(18,2) NOT NULL, disbursed numeric(18,2) NOT NULL
       ) ON COMMIT DROP`,
    );
    const total = lines.length;
    progress.report('writing', 0, total);
    const CHUNK = 2000;
    async function* chunks(): AsyncGenerator<string> {
      for (let i = 0; i < total; i += CHUNK) {
        let out = '';
        for (const l of lines.slice(i, i + CHUNK)) {
          out += `${l.projectId}\t${l.month}\t${copyText(l.document)}\t${l.line}\t${formatSatang(l.committed)}\t${formatSatang(l.disbursed)}\n`;
        }
        yield out;
        progress.report('writing', Math.min(total, i + CHUNK), total);
      }
    }
    await pipeline(Readable.from(chunks()), client.query(copyFrom(`COPY gfmis_stage FROM STDIN`)));
    await m.query(
      `INSERT INTO disbursement (project_id, month, source_document, source_line, committed, disbursed, source_batch_id)
       SELECT project_id, month, source_document, source_line, committed, disbursed, $1 FROM gfmis_stage
       ON CONFLICT (project_id, month, source_document, source_line) DO UPDATE
         SET committed = EXCLUDED.committed,
             disbursed = EXCLUDED.disbursed,
             source_batch_id = EXCLUDED.source_batch_id,
             version = disbursement.version + 1,
             updated_at = now()`,
      [batchId],
    );
  }
}

/** PostgreSQL COPY text format: backslash, tab and line breaks escaped. */
function copyText(s: string): string {
  return s.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

function toDto(b: DisbursementBatch, orgUnitCode: string): DisbursementBatchDto {
  return {
    id: b.id,
    orgUnitCode,
    fiscalYear: b.fiscalYear,
    fileName: b.fileName,
    checksum: b.checksum,
    rows: b.rows,
    totalCommitted: b.totalCommitted,
    totalDisbursed: b.totalDisbursed,
    status: b.status,
    createdBy: b.createdBy,
    createdAt: b.createdAt.toISOString(),
    rolledBackBy: b.rolledBackBy,
    rolledBackAt: b.rolledBackAt ? b.rolledBackAt.toISOString() : null,
    version: b.version,
  };
}
