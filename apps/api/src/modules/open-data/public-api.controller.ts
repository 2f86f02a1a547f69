import { Controller, Get, Header, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import type {
  OpenDataCatalogueDto,
  OpenDataFormat,
  OpenDataPageDto,
  OpenDatasetDetailDto,
  OpenDatasetId,
} from '@provdash/shared/contracts';
import type { Request, Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { notFound } from '../../common/api-error';
import { Public } from '../access/access.decorators';
import { contentDisposition } from '../agreements/exports/export-format';
import { FreshFor } from '../read-cache/fresh-for.decorator';
import {
  AgreementScoresQuery,
  DisbursementQuery,
  DownloadQuery,
  KpisQuery,
  OrgUnitsQuery,
  PlansQuery,
  ProjectsQuery,
  PublicFilters,
  ResultsQuery,
  TargetsQuery,
} from './dto/public-query.dto';
import { CATALOGUE_SCHEMA, DATASET_DETAIL_SCHEMA, pageSchema } from './open-data.openapi';
import { OpenDataService } from './open-data.service';

/**
 * Browsers and CDNs may keep an answer a minute, and serve it a while longer while they revalidate
 * or while we are down; the server keeps it half a minute (FreshFor), so however many people ask,
 * PostgreSQL sees about one query per address per 30 s. ETags (Express computes a weak one from the
 * body) turn a revalidation into a 304 without the body.
 */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=60, stale-if-error=600';
export const SERVER_FRESH_SECONDS = 30;

/**
 * Every public route of this controller draws on one budget per address, separate from the rest of
 * the API: a scraper walking pages counts as one client, not as one per URL.
 */
export const PUBLIC_API_LIMIT = { limit: 120, ttl: 60_000 };
export const DOWNLOAD_LIMIT = { limit: 60, ttl: 60_000 };
export const sharedKey = (bucket: string) => (_ctx: unknown, tracker: string, name: string) =>
  `${bucket}:${name}:${tracker}`;

const FILE = /^([a-z-]+)\.(csv|json|xlsx)$/;

/**
 * The documented public read API for journalists and researchers: approved, public data only (see
 * datasets.ts), paged and filtered, cached for CDNs, rate-limited per address. The same datasets
 * download whole as CSV (UTF-8 with BOM), JSON or XLSX, streamed.
 */
@ApiTags('open data')
@Controller('public')
@Throttle({ default: { ...PUBLIC_API_LIMIT, generateKey: sharedKey('public-api') } })
export class PublicApiController {
  constructor(private readonly data: OpenDataService) {}

  private async page(id: OpenDatasetId, q: PublicFilters, res: Response): Promise<OpenDataPageDto> {
    const { page, pageSize, ...filter } = q;
    const result = await this.data.page(id, filter, page, pageSize);
    if (result.lastUpdated) res.setHeader('Last-Modified', new Date(result.lastUpdated).toUTCString());
    return result;
  }

  @Get('catalogue')
  @Public()
  @FreshFor(SERVER_FRESH_SECONDS)
  @Header('Cache-Control', PUBLIC_CACHE_CONTROL)
  @ApiOperation({ summary: 'The open datasets: what each holds, its filters, formats, last update and licence' })
  @ApiOkResponse({ schema: CATALOGUE_SCHEMA })
  catalogue(): Promise<OpenDataCatalogueDto> {
    return this.data.catalogue();
  }

  @Get('catalogue/:dataset')
  @Public()
  @FreshFor(SERVER_FRESH_SECONDS)
  @Header('Cache-Control', PUBLIC_CACHE_CONTROL)
  @ApiOperation({ summary: 'One dataset with its data dictionary (column, type, unit, meaning in Thai and English)' })
  @ApiParam({ name: 'dataset', example: 'results' })
  @ApiOkResponse({ schema: DATASET_DETAIL_SCHEMA })
  detail(@Param('dataset') dataset: string): Promise<OpenDatasetDetailDto> {
    return this.data.detail(dataset);
  }

  @Get('org-units')
  @Public()
  @FreshFor(SERVER_FRESH_SECONDS)
  @Header('Cache-Control', PUBLIC_CACHE_CONTROL)
  @ApiOperation({ summary: 'Country, regions, province clusters and provinces' })
  @ApiOkResponse({ schema: pageSchema('org-units') })
  orgUnits(@Query() q: OrgUnitsQuery, @Res({ passthrough: true }) res: Response) {
    return this.page('org-units', q, res);
  }

  @Get('plans')
  @Public()
  @FreshFor(SERVER_FRESH_SECONDS)
  @Header('Cache-Control', PUBLIC_CACHE_CONTROL)
  @ApiOperation({ summary: 'Development plans, one row per goal with its plan and strategic issue' })
  @ApiOkResponse({ schema: pageSchema('plans') })
  plans(@Query() q: PlansQuery, @Res({ passthrough: true }) res: Response) {
    return this.page('plans', q, res);
  }

  @Get('kpis')
  @Public()
  @FreshFor(SERVER_FRESH_SECONDS)
  @Header('Cache-Control', PUBLIC_CACHE_CONTROL)
  @ApiOperation({ summary: 'KPIs with their definitions' })
  @ApiOkResponse({ schema: pageSchema('kpis') })
  kpis(@Query() q: KpisQuery, @Res({ passthrough: true }) res: Response) {
    return this.page('kpis', q, res);
  }

  @Get('results')
  @Public()
  @FreshFor(SERVER_FRESH_SECONDS)
  @Header('Cache-Control', PUBLIC_CACHE_CONTROL)
  @ApiOperation({ summary: 'Approved KPI results (never drafts, submissions or returned results)' })
  @ApiOkResponse({ schema: pageSchema('results') })
  results(@Query() q: ResultsQuery, @Res({ passthrough: true }) res: Response) {
    return this.page('results', q, res);
  }

  @Get('targets')
  @Public()
  @FreshFor(SERVER_FRESH_SECONDS)
  @Header('Cache-Control', PUBLIC_CACHE_CONTROL)
  @ApiOperation({ summary: 'KPI targets: yearly and per period' })
  @ApiOkResponse({ schema: pageSchema('targets') })
  targets(@Query() q: TargetsQuery, @Res({ passthrough: true }) res: Response) {
    return this.page('targets', q, res);
  }

  @Get('agreement-scores')
  @Public()
  @FreshFor(SERVER_FRESH_SECONDS)
  @Header('Cache-Control', PUBLIC_CACHE_CONTROL)
  @ApiOperation({ summary: 'Performance agreement scores of the evaluated 6- and 12-month rounds, ranked' })
  @ApiOkResponse({ schema: pageSchema('agreement-scores') })
  agreementScores(@Query() q: AgreementScoresQuery, @Res({ passthrough: true }) res: Response) {
    return this.page('agreement-scores', q, res);
  }

  @Get('agreement-indicator-scores')
  @Public()
  @FreshFor(SERVER_FRESH_SECONDS)
  @Header('Cache-Control', PUBLIC_CACHE_CONTROL)
  @ApiOperation({ summary: "Each agreement indicator's actual and score at the evaluated rounds" })
  @ApiOkResponse({ schema: pageSchema('agreement-indicator-scores') })
  agreementIndicatorScores(@Query() q: AgreementScoresQuery, @Res({ passthrough: true }) res: Response) {
    return this.page('agreement-indicator-scores', q, res);
  }

  @Get('projects')
  @Public()
  @FreshFor(SERVER_FRESH_SECONDS)
  @Header('Cache-Control', PUBLIC_CACHE_CONTROL)
  @ApiOperation({ summary: 'Projects with their budget, committed and disbursed to date and approved progress' })
  @ApiOkResponse({ schema: pageSchema('projects') })
  projects(@Query() q: ProjectsQuery, @Res({ passthrough: true }) res: Response) {
    return this.page('projects', q, res);
  }

  @Get('disbursement')
  @Public()
  @FreshFor(SERVER_FRESH_SECONDS)
  @Header('Cache-Control', PUBLIC_CACHE_CONTROL)
  @ApiOperation({ summary: 'GFMIS committed and disbursed amounts per project and month' })
  @ApiOkResponse({ schema: pageSchema('disbursement') })
  disbursement(@Query() q: DisbursementQuery, @Res({ passthrough: true }) res: Response) {
    return this.page('disbursement', q, res);
  }

  /**
   * A whole dataset as a file, streamed from a database cursor as it is written: CSV (UTF-8 with a
   * byte order mark, so Excel shows Thai), JSON (an array of rows) or XLSX (with the dictionary as
   * a second sheet). The ETag is the dataset's version and the selection, known before a byte is
   * read, so a CDN's revalidation costs one small query and a 304.
   */
  @Get('datasets/:file')
  @Public()
  @Throttle({ default: { ...DOWNLOAD_LIMIT, generateKey: sharedKey('public-download') } })
  @ApiOperation({ summary: 'Download a dataset: <dataset>.csv, .json or .xlsx, by fiscal year and scope' })
  @ApiParam({ name: 'file', example: 'results.csv', description: 'a dataset id and a format: csv, json or xlsx' })
  @ApiProduces('text/csv', 'application/json', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiResponse({ status: 200, description: 'the file' })
  @ApiResponse({ status: 304, description: 'not modified (If-None-Match / If-Modified-Since)' })
  async download(
    @Param('file') file: string,
    @Query() q: DownloadQuery,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const match = FILE.exec(file);
    if (!match) throw notFound();
    const d = this.data.dataset(match[1]);
    const format = match[2] as OpenDataFormat;
    const version = await this.data.version(d);
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.setHeader('ETag', this.data.downloadTag(version, format, q));
    if (version.at) res.setHeader('Last-Modified', version.at.toUTCString());
    if (req.fresh) {
      res.status(304).end();
      return;
    }
    const download = await this.data.download(d.id, format, q);
    res.setHeader('Content-Type', download.contentType);
    res.setHeader('Content-Disposition', contentDisposition('attachment', download.fileName, download.fileNameTh));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    // A failure after the first byte can only cut the response short; the client sees a truncated file.
    await pipeline(download.stream, res).catch(() => res.destroy());
  }
}
