import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { bangkokDateOf, parsePeriod } from '@provdash/shared/domain';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { ApiError } from '../../../common/api-error';
import { DomainEventBus } from '../../../common/domain-events/domain-event-bus';
import { Lang, message, MessageKey } from '../../../common/messages';
import { TimedImport } from '../../metrics/import-timing';
import { SaveKpiResultBody } from '../dto/kpi-result.dto';
import { KpiResult } from '../kpi-result.entity';
import { hardLimitProblem } from '../hard-limits';
import { checkEntry, KpiResultsService, Range } from '../kpi-results.service';
import { Kpi } from '../kpi.entity';
import { ImportErrorDto, ImportReportDto } from './dto/results-import.dto';
import { Cell, DataTable, SheetRow } from '../../../common/spreadsheet-import/sheet-definition';
import { readTable } from '../../../common/spreadsheet-import/spreadsheet-reader';
import { ImportRejected } from '../../../common/spreadsheet-import/spreadsheet-upload';
import { ColumnKey, columnLabel, resultKey, RESULTS_SHEET, SheetContext, loadSheetContext } from './results-sheet';

interface Accepted {
  kpi: Kpi;
  period: string;
  body: SaveKpiResultBody;
}

const YES = new Set(['ใช่', 'yes', 'y', 'true', '1', 'x', '✓', '✔']);
const NO = new Set(['', 'ไม่', 'ไม่ใช่', 'no', 'n', 'false', '0']);

/**
 * Imports KPI results from a spreadsheet, all or nothing: every row is checked first with the
 * same rules as the entry form (checkEntry and the form's DTO), and only a file without a single
 * error is written — in one transaction, each row through writeDraft, so each is audited exactly
 * as a form save is.
 */
@Injectable()
export class ResultsImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly results: KpiResultsService,
    private readonly events: DomainEventBus,
  ) {}

  @TimedImport('kpi-results')
  async import(
    code: string,
    fiscalYear: number,
    file: Buffer | undefined,
    dryRun: boolean,
    lang: Lang,
  ): Promise<ImportReportDto> {
    if (!file) throw new ApiError(HttpStatus.BAD_REQUEST, 'import.fileRequired');
    // The header, the row limit and the file's other limits are the shared reader's.
    const table = await readTable(file, RESULTS_SHEET);
    const today = bangkokDateOf(new Date());

    return this.dataSource.transaction(async (m) => {
      const ctx = await loadSheetContext(m, code, fiscalYear);
      const checked = await this.check(m, ctx, table, today, lang);
      const report: ImportReportDto = {
        dryRun,
        rows: checked.rows,
        accepted: checked.accepted.length,
        skipped: checked.skipped,
        errors: checked.errors,
      };
      if (checked.errors.length > 0) throw new ImportRejected(report);
      if (!dryRun) {
        // writeDraft locks each row and re-checks its state: a period approved since the check
        // above fails the whole import (409) rather than leaving half a file written.
        for (const a of checked.accepted) await this.results.writeDraft(m, a.kpi, a.period, a.body, 'any');
        // One event for the file, not one per row: the workspace reloads its list once.
        await this.events.publish(m, 'kpiResults.imported', {
          unit: ctx.unit,
          fiscalYear,
          rows: checked.accepted.length,
        });
      }
      return report;
    });
  }

  private async check(m: EntityManager, ctx: SheetContext, table: DataTable<ColumnKey>, today: string, lang: Lang) {
    const errors: ImportErrorDto[] = [];
    const accepted: Accepted[] = [];
    let rows = 0;
    let skipped = 0;
    const byCode = new Map(ctx.kpis.map((k) => [k.code.toUpperCase(), k]));
    const cell = (r: SheetRow, key: ColumnKey): Cell => {
      const i = table.columns[key];
      return i === undefined ? null : (r.cells[i] ?? null);
    };
    const elsewhere = await this.codesOfOtherUnits(
      m,
      ctx,
      table.rows.map((r) => text(cell(r, 'kpiCode')).toUpperCase()).filter((c) => c && !byCode.has(c)),
    );
    const seen = new Set<string>();
    // The plausible range the form uses where a KPI sets none (its approved history), read once per KPI.
    const ranges = new Map<string, Promise<Range | null>>();
    const history = (kpi: Kpi) => {
      if (!ranges.has(kpi.id)) ranges.set(kpi.id, this.results.historyRange(m, kpi));
      return ranges.get(kpi.id) as Promise<Range | null>;
    };

    for (const r of table.rows) {
      if (r.cells.every((c) => text(c) === '')) continue;
      rows++;
      // "Empty value cells mean skip": the template lists every open period, most not yet reported.
      if (['value', 'numerator', 'denominator'].every((k) => text(cell(r, k as ColumnKey)) === '')) {
        skipped++;
        continue;
      }
      const before = errors.length;
      const fail = (column: ColumnKey | null, key: MessageKey) =>
        errors.push({ row: r.row, column: column && columnLabel(column, lang), message: message(key, lang) });

      const code = text(cell(r, 'kpiCode')).toUpperCase();
      const kpi = byCode.get(code);
      if (!code) fail('kpiCode', 'import.kpiRequired');
      else if (!kpi) fail('kpiCode', elsewhere.has(code) ? 'import.kpiOtherProvince' : 'import.kpiUnknown');

      const province = text(cell(r, 'province'));
      if (province && province !== ctx.unit.code) fail('province', 'import.provinceMismatch');

      const period = text(cell(r, 'period')).toUpperCase();
      const parsed = parsePeriod(period);
      if (!period) fail('period', 'import.periodRequired');
      else if (!parsed) fail('period', 'result.periodInvalid');
      else if (parsed.fiscalYear !== ctx.fiscalYear) fail('period', 'import.periodOutsideYear');
      else if (kpi) {
        const key = resultKey(kpi.id, period);
        if (seen.has(key)) fail('period', 'import.duplicate');
        seen.add(key);
      }

      const confirm = text(cell(r, 'confirmOutlier')).toLowerCase();
      if (!YES.has(confirm) && !NO.has(confirm)) fail('confirmOutlier', 'import.confirmInvalid');
      const body = plainToInstance(SaveKpiResultBody, {
        value: decimalText(cell(r, 'value')),
        numerator: decimalText(cell(r, 'numerator')),
        denominator: decimalText(cell(r, 'denominator')),
        narrativeTh: narrativeOf(cell(r, 'narrative')),
        ...(YES.has(confirm) && { confirmOutlier: true }),
      });
      // The entry form's own rules for numbers and text, so a file cannot store what the form refuses.
      for (const e of validateSync(body, { whitelist: true, forbidNonWhitelisted: true })) {
        if (e.property === 'narrativeTh') fail('narrative', 'import.textTooLong');
        else fail(e.property as ColumnKey, 'import.notNumber');
      }
      if (errors.length > before || !kpi) continue;

      const existing = ctx.results.get(resultKey(kpi.id, period));
      // A template sent back lists what is stored already; those rows need no write and no audit row.
      if (existing && sameAsStored(kpi, existing, body)) {
        skipped++;
        continue;
      }
      const valueColumn: ColumnKey = kpi.rollup === 'ratio' ? 'numerator' : 'value';
      if (existing?.status === 'approved') fail(valueColumn, 'result.locked');
      else if (existing?.status === 'submitted') fail(valueColumn, 'import.submitted');
      else {
        // An impossible value (outside the KPI's hard limits) is refused whatever the confirm column says.
        const impossible = hardLimitProblem(kpi, body);
        const problem = impossible ? null : checkEntry(kpi, period, body, today, await history(kpi));
        if (impossible) {
          const text = message(impossible.key, lang, impossible.params);
          errors.push({ row: r.row, column: columnLabel(valueColumn, lang), message: text });
        } else if (problem) fail(entryColumn(problem, body), problem);
        else accepted.push({ kpi, period, body });
      }
    }
    return { rows, skipped, accepted, errors };
  }

  /** Codes in the file that are not this province's but are another unit's: a sheet sent to the wrong place. */
  private async codesOfOtherUnits(m: EntityManager, ctx: SheetContext, codes: string[]): Promise<Set<string>> {
    if (codes.length === 0) return new Set();
    const rows: { code: string }[] = await m.query(
      `SELECT DISTINCT upper(code) AS code FROM kpi WHERE upper(code) = ANY($1) AND org_unit_id <> $2`,
      [[...new Set(codes)], ctx.unit.id],
    );
    return new Set(rows.map((r) => r.code));
  }
}

function text(c: Cell): string {
  if (c === null) return '';
  if (c instanceof Date) return c.toISOString();
  return String(c).trim();
}

/**
 * A cell as the decimal text the form takes. Excel numbers carry binary noise (12.3 is
 * 12.300000000000001), so they are rounded to the six decimals PostgreSQL keeps; typed text may
 * have thousands separators ("1,234.5"). Anything else is left as typed for the DTO to refuse.
 */
function decimalText(c: Cell): string | undefined {
  if (c === null) return undefined;
  if (typeof c === 'number') {
    if (!Number.isFinite(c) || Math.abs(c) >= 1e15) return String(c);
    const fixed = c.toFixed(6).replace(/0+$/, '').replace(/\.$/, '');
    return fixed === '-0' ? '0' : fixed;
  }
  const s = text(c).replace(/[\s\u00a0]/g, '');
  if (s === '') return undefined;
  const plain = /^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s) ? s.replace(/,/g, '') : s;
  return plain.replace(/^\+/, '');
}

/** Empty keeps the stored narrative; the apostrophe the CSV template puts before formula-like text comes off. */
function narrativeOf(c: Cell): string | undefined {
  const s = text(c);
  if (s === '') return undefined;
  return /^'[=+\-@]/.test(s) ? s.slice(1) : s;
}

function canonicalDecimal(s: string | null | undefined): string | null {
  if (s === null || s === undefined || s === '') return null;
  const negative = s.startsWith('-');
  const [int, frac = ''] = s.replace(/^[-+]/, '').split('.');
  const i = int.replace(/^0+(?=\d)/, '');
  const f = frac.replace(/0+$/, '');
  const sign = negative && (i !== '0' || f !== '') ? '-' : '';
  return sign + i + (f ? `.${f}` : '');
}

function sameAsStored(kpi: Kpi, stored: KpiResult, body: SaveKpiResultBody): boolean {
  const same = (a: string | null, b: string | undefined) => canonicalDecimal(a) === canonicalDecimal(b);
  const numbers =
    kpi.rollup === 'ratio'
      ? same(stored.numerator, body.numerator) && same(stored.denominator, body.denominator)
      : same(stored.value, body.value);
  return numbers && (body.narrativeTh === undefined || body.narrativeTh === stored.narrativeTh);
}

/** The column a checkEntry problem is about, so the person is pointed at the cell to fix. */
function entryColumn(problem: MessageKey, body: SaveKpiResultBody): ColumnKey {
  if (problem === 'result.periodInvalid' || problem === 'result.futurePeriod') return 'period';
  if (problem === 'result.ratioRequired') return body.numerator === undefined ? 'numerator' : 'denominator';
  if (problem === 'result.outlierNote') return 'narrative';
  return 'value';
}
