import { Injectable, StreamableFile } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { bangkokDateOf, fiscalYearOf } from '@provdash/shared/domain';
import { PassThrough } from 'node:stream';
import { DataSource } from 'typeorm';
import { notFound } from '../../../common/api-error';
import type { ActorClaims } from '../../access/actor';
import { AgreementReadModelsService } from '../agreement-read-models.service';
import { Agreement } from '../agreement.entity';
import { AgreementsService } from '../agreements.service';
import { renderAgreementPdf } from './agreement-pdf';
import { writeScorecardXlsx } from './agreement-xlsx';
import { contentDisposition, provinceTitle } from './export-format';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The agreement's documents. Both take their figures from the services behind the JSON routes — the
 * PDF from `AgreementsService.get` (which also decides who may see a draft), the spreadsheet from
 * the public scorecard read model — so a document and the API never disagree, and nothing is
 * scored twice.
 */
@Injectable()
export class AgreementExportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly agreements: AgreementsService,
    private readonly readModels: AgreementReadModelsService,
  ) {}

  /**
   * The province's agreement of the fiscal year as a printable PDF. A draft is served only to the
   * province's own people; anyone else gets the same 404 as for the agreement itself.
   */
  async pdf(code: string, fiscalYear: number | undefined, asOf: string | undefined, actor: ActorClaims | null) {
    const today = bangkokDateOf(new Date());
    const fy = fiscalYear ?? fiscalYearOf(asOf ?? today);
    const found = await this.dataSource.manager.findOne(Agreement, {
      where: { fiscalYear: fy, orgUnit: { code } },
      select: { id: true },
    });
    if (!found) throw notFound();
    const agreement = await this.agreements.get(found.id, actor, asOf);
    const stream = await renderAgreementPdf(agreement, today);
    return new StreamableFile(stream, {
      type: 'application/pdf',
      disposition: contentDisposition(
        'inline',
        `agreement-${agreement.orgUnitCode}-${agreement.fiscalYear}.pdf`,
        `คำรับรองการปฏิบัติราชการ-${provinceTitle(agreement.orgUnitNameTh)}-${agreement.fiscalYear}.pdf`,
      ),
    });
  }

  /** The public scorecard (signed agreements, approved results) as a workbook, written while it is sent. */
  async xlsx(code: string, fiscalYear: number | undefined, asOf: string | undefined) {
    const scorecard = await this.readModels.scorecard(code, fiscalYear, asOf);
    const out = new PassThrough();
    writeScorecardXlsx(scorecard, out).catch((e: unknown) =>
      out.destroy(e instanceof Error ? e : new Error(String(e))),
    );
    return new StreamableFile(out, {
      type: XLSX_TYPE,
      disposition: contentDisposition(
        'attachment',
        `agreement-scorecard-${scorecard.orgUnitCode}-${scorecard.fiscalYear}.xlsx`,
        `คะแนนคำรับรอง-${provinceTitle(scorecard.nameTh)}-${scorecard.fiscalYear}.xlsx`,
      ),
    });
  }
}
