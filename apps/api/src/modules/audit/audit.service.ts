import { HttpStatus, Injectable, StreamableFile } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditEventDto, PageDto } from '@provdash/shared/contracts';
import { auditChanges, auditValueText } from '@provdash/shared/domain';
import { stream as excelStream } from 'exceljs';
import { PassThrough } from 'node:stream';
import { DataSource } from 'typeorm';
import { ApiError } from '../../common/api-error';
import type { ResolvedUnit } from '../access/actor';
import { contentDisposition } from '../agreements/exports/export-format';
import { csvLine } from '../open-data/row-format';
import { AuditExportQueryDto, AuditQueryDto } from './dto/audit-query.dto';

/** A file holds at most this many rows: beyond it the filters should be narrowed, not the server strained. */
export const AUDIT_EXPORT_MAX = 10_000;

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The columns of an exported trail: one row per audited change, the changed fields as "field: before → after". */
const EXPORT_COLUMNS: { header: string; width: number; value: (e: AuditEventDto) => string }[] = [
  { header: 'เวลา (Time, UTC+7)', width: 20, value: (e) => bangkokTime(e.at) },
  { header: 'ผู้แก้ไข (Person)', width: 28, value: (e) => e.userName ?? '' },
  { header: 'อีเมล (E-mail)', width: 30, value: (e) => e.userEmail ?? '' },
  { header: 'การกระทำ (Action)', width: 10, value: (e) => e.action },
  { header: 'ประเภทข้อมูล (Object)', width: 18, value: (e) => e.entity },
  { header: 'รหัสข้อมูล (Id)', width: 38, value: (e) => e.entityId },
  { header: 'หน่วยงาน (Unit)', width: 10, value: (e) => e.orgUnitCode ?? '' },
  {
    header: 'การเปลี่ยนแปลง (Changes)',
    width: 60,
    value: (e) =>
      auditChanges(e.before, e.after)
        .map((c) => `${c.field}: ${auditValueText(c.before)} → ${auditValueText(c.after)}`)
        .join('\n'),
  },
  { header: 'ก่อน (Before, JSON)', width: 40, value: (e) => (e.before ? JSON.stringify(e.before) : '') },
  { header: 'หลัง (After, JSON)', width: 40, value: (e) => (e.after ? JSON.stringify(e.after) : '') },
  { header: 'คำขอ (Request id)', width: 38, value: (e) => e.requestId ?? '' },
];

/** `2026-12-06 14:05:09` in Thailand's time (no daylight saving: a fixed +7). */
function bangkokTime(iso: string): string {
  return new Date(new Date(iso).getTime() + 7 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * Text that starts like a formula (=, +, -, @) gets an apostrophe, as OWASP advises for files opened
 * in a spreadsheet: a value someone typed must not run in an auditor's Excel.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const inert = (text: string) => (FORMULA_START.test(text) ? `'${text}` : text);

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One query: the page and the total (window count), newest first, limited to the unit's subtree. */
  async search(unit: ResolvedUnit, q: AuditQueryDto): Promise<PageDto<AuditEventDto>> {
    const rows = await this.rows(unit, q, q.pageSize, (q.page - 1) * q.pageSize);
    return {
      items: rows.map(({ total: _total, ...r }) => r),
      total: rows[0]?.total ?? 0,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  /** Every row the filters match, as CSV (UTF-8 with BOM, for Excel) or a workbook; refused above AUDIT_EXPORT_MAX. */
  async export(unit: ResolvedUnit, q: AuditExportQueryDto): Promise<StreamableFile> {
    const rows = await this.rows(unit, q, AUDIT_EXPORT_MAX + 1, 0);
    if (rows.length > AUDIT_EXPORT_MAX) {
      throw new ApiError(HttpStatus.BAD_REQUEST, 'audit.tooManyToExport', undefined, {
        max: AUDIT_EXPORT_MAX.toLocaleString('en-US'),
      });
    }
    const stamp = new Date().toISOString().slice(0, 10);
    const name = (ext: string) => [
      `audit-trail-${unit.code}-${stamp}.${ext}`,
      `ประวัติการแก้ไข-${unit.code}-${stamp}.${ext}`,
    ];
    if (q.format === 'xlsx') {
      const out = new PassThrough();
      writeXlsx(rows, out).catch((e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e))));
      const [ascii, thai] = name('xlsx');
      return new StreamableFile(out, { type: XLSX_TYPE, disposition: contentDisposition('attachment', ascii, thai) });
    }
    const lines = [
      csvLine(EXPORT_COLUMNS.map((c) => c.header)),
      ...rows.map((r) => csvLine(EXPORT_COLUMNS.map((c) => inert(c.value(r))))),
    ];
    const bytes = Buffer.from(`\uFEFF${lines.join('')}`, 'utf8');
    const [ascii, thai] = name('csv');
    return new StreamableFile(bytes, {
      type: 'text/csv; charset=utf-8',
      disposition: contentDisposition('attachment', ascii, thai),
      length: bytes.length,
    });
  }

  /**
   * Filters become bound parameters; paging is LIMIT/OFFSET in SQL over `(at, id)`, which the indexes
   * on (org_unit_id, at), (user_id, at), (entity, at) and (at, id) serve.
   */
  private async rows(
    unit: ResolvedUnit,
    q: AuditQueryDto,
    limit: number,
    offset: number,
  ): Promise<(AuditEventDto & { total: number })[]> {
    const params: unknown[] = [unit.path];
    const where = [
      `(u.path = $1 OR u.path LIKE $1 || '/%'${unit.type === 'country' ? ' OR a.org_unit_id IS NULL' : ''})`,
    ];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.split('?').join(`$${params.length}`));
    };
    if (q.entity) add('a.entity = ?', q.entity);
    if (q.entityId) add('a.entity_id = ?', q.entityId);
    if (q.userId) add('a.user_id = ?', q.userId);
    if (q.person?.trim()) {
      const like = `%${q.person.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      add('(usr.email ILIKE ? OR usr.display_name ILIKE ?)', like);
    }
    if (q.from) add('a.at >= ?', q.from);
    if (q.to) add('a.at < ?', q.to);
    params.push(limit, offset);
    const rows: (AuditEventDto & { total: number })[] = await this.dataSource.query(
      `SELECT a.id::text AS id, a.at, a.user_id AS "userId", usr.email AS "userEmail",
              usr.display_name AS "userName", a.action, a.entity,
              a.entity_id AS "entityId", u.code AS "orgUnitCode", a.before, a.after, a.request_id AS "requestId",
              count(*) OVER ()::int AS total
       FROM audit_event a
       LEFT JOIN org_unit u ON u.id = a.org_unit_id
       LEFT JOIN app_user usr ON usr.id = a.user_id
       WHERE ${where.join(' AND ')}
       ORDER BY a.at DESC, a.id DESC
       LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() }));
  }
}

async function writeXlsx(rows: AuditEventDto[], out: PassThrough): Promise<void> {
  const book = new excelStream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const sheet = book.addWorksheet('ประวัติการแก้ไข', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = EXPORT_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) {
    const row = sheet.addRow(EXPORT_COLUMNS.map((c) => c.value(r)));
    row.alignment = { wrapText: true, vertical: 'top' };
    row.commit();
  }
  sheet.commit();
  await book.commit();
}
