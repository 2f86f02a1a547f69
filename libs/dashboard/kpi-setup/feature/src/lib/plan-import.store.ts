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

  /**
   * Rows pasted from the template's sheet go the same way as a file: sent as the tab-separated
   * text Excel put on the clipboard, read by the API's one plan reader (docs/plan-import.md).
   */
  uploadPasted(
    unitCode: string,
    fiscalYear: number,
    text: string,
    dryRun: boolean,
  ): Promise<PlanImportReportDto | null> {
    const file = new File([text], 'pasted.tsv', { type: 'text/tab-separated-values' });
    return this.send(`/api/org-units/${encodeURIComponent(unitCode)}/plan-import`, file, {
      fiscalYear: String(fiscalYear),
      dryRun: String(dryRun),
      pasted: 'true',
    });
  }
}
