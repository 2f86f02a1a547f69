import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { inject, Injectable, signal } from '@angular/core';
import type { ImportRejectedBodyDto, ImportRowErrorDto } from '@provdash/shared/contracts';
import { firstValueFrom } from 'rxjs';

/** What the last upload came to: the import's report (dry run or import), the rows at fault (422), or a failure. */
export type SpreadsheetUploadOutcome<R> =
  | { kind: 'report'; report: R }
  | { kind: 'rejected'; message: string; errors: ImportRowErrorDto[] }
  | { kind: 'failed'; status: number; message: string | null };

/**
 * What every spreadsheet import screen shares (docs/kpi-results-import.md, docs/gfmis-import.md):
 * the file goes as multipart field `file` with `dryRun` in the query; a 422 lists every row at
 * fault; other refusals (a limit crossed, an unreadable file, 413) carry the API's message, already
 * in the reader's language, which names the limit. One upload at a time. Each import's store extends it
 * with its own route and what it does after an upload.
 */
@Injectable()
export abstract class SpreadsheetUploadStore<R> {
  protected readonly http = inject(HttpClient);

  readonly busy = signal<'dryRun' | 'import' | null>(null);
  readonly outcome = signal<SpreadsheetUploadOutcome<R> | null>(null);

  /**
   * Sends the file and records the outcome; the report, or null when refused. `before` runs once
   * the upload is claimed (a socket to be in the room for progress events, say).
   */
  protected async send(
    url: string,
    file: File,
    params: Record<string, string> & { dryRun: string },
    before?: () => Promise<unknown>,
  ): Promise<R | null> {
    if (this.busy()) return null;
    this.busy.set(params.dryRun === 'true' ? 'dryRun' : 'import');
    this.outcome.set(null);
    try {
      // Only when asked: without it the request leaves at once, in the caller's turn.
      if (before) await before();
      const body = new FormData();
      body.append('file', file, file.name);
      const report = await firstValueFrom(this.http.post<R>(url, body, { params }));
      this.outcome.set({ kind: 'report', report });
      return report;
    } catch (error) {
      this.outcome.set(uploadRejection<R>(error));
      return null;
    } finally {
      this.busy.set(null);
    }
  }

  reset(): void {
    this.outcome.set(null);
  }
}

/** A refused upload as the screen shows it: every bad row for a 422, else the API's message. */
export function uploadRejection<R>(error: unknown): SpreadsheetUploadOutcome<R> {
  if (!(error instanceof HttpErrorResponse)) return { kind: 'failed', status: 0, message: null };
  const body = error.error as Partial<ImportRejectedBodyDto> | null;
  const ok = body !== null && typeof body === 'object';
  if (error.status === 422 && ok && Array.isArray(body.errors)) {
    return { kind: 'rejected', message: body.message ?? '', errors: body.errors };
  }
  return {
    kind: 'failed',
    status: error.status,
    message: ok && typeof body.message === 'string' ? body.message : null,
  };
}
