import { HttpResponse } from '@angular/common/http';
import { Injectable, signal } from '@angular/core';
import { SpreadsheetUploadOutcome, SpreadsheetUploadStore } from '@provdash/dashboard/shared/spreadsheet-import';
import type { ResultsImportReportDto } from '@provdash/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { apiProblem } from './api-problem';

export type TemplateFormat = 'xlsx' | 'csv';

/** What the last upload came to: a report (dry run or import), the rows at fault (422), or a failure. */
export type ResultsUploadOutcome = SpreadsheetUploadOutcome<ResultsImportReportDto>;

const sheetUrl = (code: string, what: 'results-template' | 'results-import') =>
  `/api/provinces/${encodeURIComponent(code)}/${what}`;

/** The file name the server chose (Content-Disposition), else one of ours. */
export function fileNameOf(res: HttpResponse<Blob>, fallback: string): string {
  const disposition = res.headers.get('Content-Disposition') ?? '';
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  return match ? decodeURIComponent(match[1]) : fallback;
}

/** Hands a downloaded file to the browser (the route needs the bearer token, so a plain link cannot fetch it). */
export function saveBlob(blob: Blob, name: string, doc: Document = globalThis.document): void {
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = name;
  doc.body.appendChild(a);
  a.click();
  a.remove();
  // Revoked on the next turn: the click has started the download by then.
  setTimeout(() => URL.revokeObjectURL(url));
}

/**
 * The KPI results spreadsheet (docs/kpi-results-import.md): download the template filled with what
 * is entered, upload it back (dry run first, or straight away). A 422 lists every bad row; nothing
 * is written then. Provide it where it is used.
 */
@Injectable()
export class ResultsSpreadsheetStore extends SpreadsheetUploadStore<ResultsImportReportDto> {
  readonly downloading = signal<TemplateFormat | null>(null);
  readonly downloadError = signal<string | null>(null);

  async downloadTemplate(code: string, fiscalYear: number, format: TemplateFormat): Promise<boolean> {
    this.downloading.set(format);
    this.downloadError.set(null);
    try {
      const res = await firstValueFrom(
        this.http.get(sheetUrl(code, 'results-template'), {
          params: { fiscalYear: String(fiscalYear), format },
          observe: 'response',
          responseType: 'blob',
        }),
      );
      saveBlob(res.body ?? new Blob(), fileNameOf(res, `kpi-results-${code}-${fiscalYear}.${format}`));
      return true;
    } catch (error) {
      this.downloadError.set(apiProblem(error).message ?? '');
      return false;
    } finally {
      this.downloading.set(null);
    }
  }

  /** Checks (dryRun) or imports a file; resolves true when something was written. */
  async upload(code: string, fiscalYear: number, file: File, dryRun: boolean): Promise<boolean> {
    const report = await this.send(sheetUrl(code, 'results-import'), file, {
      fiscalYear: String(fiscalYear),
      dryRun: String(dryRun),
    });
    return report !== null && !dryRun && report.accepted > 0;
  }

  override reset(): void {
    super.reset();
    this.downloadError.set(null);
  }
}
