import { Injectable } from '@angular/core';
import { SpreadsheetUploadStore } from '@provdash/dashboard/shared/spreadsheet-import';
import type { PlanImportReportDto } from '@provdash/shared/contracts';

/** The plan import's upload (docs/plan-import.md): the shared dry-run/import/422 handling, its own route. */
@Injectable()
export class PlanImportStore extends SpreadsheetUploadStore<PlanImportReportDto> {
  upload(unitCode: string, fiscalYear: number, file: File, dryRun: boolean): Promise<PlanImportReportDto | null> {
    return this.send(`/api/org-units/${encodeURIComponent(unitCode)}/plan-import`, file, {
      fiscalYear: String(fiscalYear),
      dryRun: String(dryRun),
    });
  }
}
