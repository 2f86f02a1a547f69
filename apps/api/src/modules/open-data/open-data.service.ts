import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  OpenDataCatalogueDto,
  OpenDataFormat,
  OpenDataLicenceDto,
  OpenDataPageDto,
  OpenDatasetDetailDto,
  OpenDatasetDto,
  OpenDatasetId,
} from '@provdash/shared/contracts';
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { notFound } from '../../common/api-error';
import { AppConfig } from '../../config/app-config';
import { cursorRows, datasetStream } from './dataset-stream';
import { allDatasets, buildQuery, DatasetDefinition, DatasetFilter, datasetOf } from './datasets';
import { typedRow } from './row-format';

/** What a request may filter by: a unit code instead of a path. */
export type PublicFilter = Omit<DatasetFilter, 'scopePath'> & { scope?: string };

export interface DatasetVersion {
  /** When the data last changed; null for an empty dataset. */
  at: Date | null;
  /** Changes whenever the published rows change (also by a row leaving them). */
  tag: string;
}

export interface Download {
  stream: Readable;
  fileName: string;
  fileNameTh: string;
  contentType: string;
}

const CONTENT_TYPES: Record<OpenDataFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export const FORMATS: OpenDataFormat[] = ['csv', 'json', 'xlsx'];

/**
 * The open datasets: pages for the public API, streamed files for the downloads, and the catalogue.
 * Every read runs the dataset's one statement (datasets.ts), which selects published rows only.
 */
@Injectable()
export class OpenDataService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  get licence(): OpenDataLicenceDto {
    return { name: this.config.OPEN_DATA_LICENCE_NAME, url: this.config.OPEN_DATA_LICENCE_URL };
  }

  dataset(id: string): DatasetDefinition {
    const d = datasetOf(id);
    if (!d) throw notFound();
    return d;
  }

  /** The scope unit's path; a code that names no unit is a 404, never an empty answer. */
  async resolve(filter: PublicFilter): Promise<DatasetFilter> {
    const { scope, ...rest } = filter;
    if (!scope) return rest;
    const [unit] = await this.dataSource.query(`SELECT path FROM org_unit WHERE code = $1`, [scope]);
    if (!unit) throw notFound('notFound.unit');
    return { ...rest, scopePath: unit.path };
  }

  async version(d: DatasetDefinition): Promise<DatasetVersion> {
    const [row] = await this.dataSource.query(d.lastUpdatedSql);
    const at: Date | null = row?.at ? new Date(row.at) : null;
    return { at, tag: `${d.id}:${at?.getTime() ?? 0}:${row?.n ?? ''}` };
  }

  async page(id: OpenDatasetId, filter: PublicFilter, page: number, pageSize: number): Promise<OpenDataPageDto> {
    const d = this.dataset(id);
    const f = await this.resolve(filter);
    const q = buildQuery(d, f, { limit: pageSize, offset: (page - 1) * pageSize });
    const [rows, version] = await Promise.all([this.dataSource.query(q.sql, q.params), this.version(d)]);
    const total = rows.length ? Number(rows[0].__total) : page === 1 ? 0 : await this.count(d, f);
    return {
      dataset: d.id,
      page,
      pageSize,
      total,
      lastUpdated: version.at?.toISOString() ?? null,
      licence: this.licence,
      data: rows.map((r: Record<string, unknown>) => typedRow(r, d.columns)),
    };
  }

  /** The total past the last page (an empty page carries no window count). */
  private async count(d: DatasetDefinition, f: DatasetFilter): Promise<number> {
    const q = buildQuery(d, f);
    const [row] = await this.dataSource.query(`SELECT count(*)::int AS n FROM (${q.sql}) x`, q.params);
    return row.n;
  }

  describe(d: DatasetDefinition, lastUpdated: Date | null): OpenDatasetDto {
    return {
      id: d.id,
      titleTh: d.titleTh,
      titleEn: d.titleEn,
      descriptionTh: d.descriptionTh,
      descriptionEn: d.descriptionEn,
      byFiscalYear: d.byFiscalYear,
      filters: d.filters,
      formats: FORMATS,
      lastUpdated: lastUpdated?.toISOString() ?? null,
      apiPath: `/api/public/${d.id}`,
      downloadPath: `/api/public/datasets/${d.id}`,
      licence: this.licence,
    };
  }

  async detail(id: string): Promise<OpenDatasetDetailDto> {
    const d = this.dataset(id);
    const version = await this.version(d);
    return {
      ...this.describe(d, version.at),
      columns: d.columns.map(({ sql: _sql, ...c }) => c),
    };
  }

  async catalogue(): Promise<OpenDataCatalogueDto> {
    const datasets = allDatasets();
    const versions = await Promise.all(datasets.map((d) => this.version(d)));
    const years: { fy: number }[] = await this.dataSource.query(
      `SELECT DISTINCT fy FROM (SELECT fiscal_year AS fy FROM kpi_result WHERE status = 'approved'
         UNION SELECT fiscal_year FROM kpi_target WHERE state = 'published' UNION SELECT fiscal_year FROM project) y ORDER BY fy`,
    );
    return {
      publisherTh: 'สำนักงานปลัดกระทรวงมหาดไทย และสำนักงานจังหวัดทั้ง 76 จังหวัดและกรุงเทพมหานคร',
      publisherEn: 'Office of the Permanent Secretary for Interior, and the offices of the 76 provinces and Bangkok',
      licence: this.licence,
      fiscalYears: years.map((y) => y.fy),
      datasets: datasets.map((d, i) => this.describe(d, versions[i].at)),
    };
  }

  /** An ETag for a download: the dataset's version and the exact selection asked for. */
  downloadTag(version: DatasetVersion, format: OpenDataFormat, filter: PublicFilter): string {
    const key = JSON.stringify([
      version.tag,
      format,
      filter.fiscalYear,
      filter.scope,
      filter.kpiCode,
      filter.period,
      filter.round,
      filter.budgetType,
      filter.month,
      filter.type,
    ]);
    return `W/"${createHash('sha1').update(key).digest('base64url').slice(0, 27)}"`;
  }

  async download(id: string, format: OpenDataFormat, filter: PublicFilter): Promise<Download> {
    const d = this.dataset(id);
    const f = await this.resolve(filter);
    const pool = (this.dataSource.driver as PostgresDriver).master as Pool;
    const rows = cursorRows(pool, buildQuery(d, f));
    const suffix = [filter.scope, filter.fiscalYear].filter((x) => x !== undefined).join('-');
    const base = suffix ? `${d.id}-${suffix}` : d.id;
    return {
      stream: datasetStream(d, format, rows, d.titleTh),
      fileName: `${base}.${format}`,
      // Characters a file system refuses (the titles have colons) become spaces.
      fileNameTh: `${d.titleTh
        .replace(/[\\/:*?"<>|]+/g, ' ')
        .replace(/\s+/g, ' ')
        .trim()}${suffix ? `-${suffix}` : ''}.${format}`,
      contentType: CONTENT_TYPES[format],
    };
  }
}
