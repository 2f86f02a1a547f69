import { HttpErrorResponse, httpResource } from '@angular/common/http';
import { computed, DestroyRef, inject, Injectable, signal } from '@angular/core';
import { RealtimeService } from '@provdash/dashboard/shared/realtime';
import { SpreadsheetUploadOutcome, SpreadsheetUploadStore } from '@provdash/dashboard/shared/spreadsheet-import';
import type {
  DisbursementBatchDto,
  DisbursementImportPhase,
  DisbursementImportProgressEvent,
  DisbursementImportReportDto,
} from '@provdash/shared/contracts';
import { firstValueFrom } from 'rxjs';

export interface ImportTarget {
  code: string;
  fiscalYear: number;
}

/** What the last upload came to: a preview or import report, the rows at fault, or a failure message. */
export type UploadOutcome = SpreadsheetUploadOutcome<DisbursementImportReportDto>;

export interface ImportProgress {
  phase: DisbursementImportPhase;
  done: number;
  total: number;
  /** 0–100, whole. */
  percent: number;
  batchId?: string;
}

export const importsUrl = (code: string) => `/api/provinces/${encodeURIComponent(code)}/disbursement-imports`;

/** The phases' share of the whole bar: parsing is quick, writing is most of an import. */
const PHASE_SPAN: Record<DisbursementImportPhase, [number, number]> = {
  parsing: [0, 10],
  validating: [10, 40],
  writing: [40, 100],
  done: [100, 100],
};

/** One progress event as a point on the whole upload's bar. */
export function progressPercent(e: Pick<DisbursementImportProgressEvent, 'phase' | 'done' | 'total'>): number {
  const [from, to] = PHASE_SPAN[e.phase];
  const share = e.total > 0 ? Math.min(e.done / e.total, 1) : 1;
  return Math.round(from + (to - from) * share);
}

/**
 * The bar after an event: it only moves forward. Socket events and the HTTP answer race, so an
 * early phase's event can arrive after the answer has filled the bar; it must not pull it back.
 */
export function advanceProgress(
  current: ImportProgress | null,
  e: Pick<DisbursementImportProgressEvent, 'phase' | 'done' | 'total' | 'batchId'>,
): ImportProgress | null {
  const percent = progressPercent(e);
  if (current && (current.phase === 'done' || percent < current.percent)) return current;
  return { phase: e.phase, done: e.done, total: e.total, percent, batchId: e.batchId ?? current?.batchId };
}

/** A random v4 UUID, for the upload's progress events. */
export function newUploadId(): string {
  return globalThis.crypto.randomUUID();
}

/**
 * The GFMIS import screen's state (docs/gfmis-import.md): dry run, import with live progress from
 * the uploader's own socket room, the province's batches and their rollback. Provide it on the page.
 */
@Injectable()
export class DisbursementImportStore extends SpreadsheetUploadStore<DisbursementImportReportDto> {
  private readonly realtime = inject(RealtimeService);

  readonly target = signal<ImportTarget | undefined>(undefined);
  readonly batches = httpResource<DisbursementBatchDto[]>(() => {
    const t = this.target();
    return t ? { url: importsUrl(t.code), params: { fiscalYear: String(t.fiscalYear) } } : undefined;
  });

  /** The upload whose progress events count (the others are another tab's). */
  readonly uploadId = signal<string | null>(null);
  readonly progress = signal<ImportProgress | null>(null);
  readonly connection = this.realtime.state;
  readonly rollingBack = signal<string | null>(null);
  readonly rollbackError = signal<string | null>(null);

  readonly report = computed(() => {
    const o = this.outcome();
    return o?.kind === 'report' ? o.report : null;
  });

  constructor() {
    super();
    const sub = this.realtime.on('disbursement-import.progress').subscribe((e) => {
      if (e.uploadId !== this.uploadId()) return;
      this.progress.update((current) => advanceProgress(current, e));
    });
    inject(DestroyRef).onDestroy(() => sub.unsubscribe());
  }

  /** Checks the file and previews it; writes nothing. */
  dryRun(file: File): Promise<void> {
    return this.upload(file, true);
  }

  /** Imports the file, following its progress live. */
  import(file: File): Promise<void> {
    return this.upload(file, false);
  }

  async rollback(batchId: string): Promise<void> {
    this.rollingBack.set(batchId);
    this.rollbackError.set(null);
    try {
      await firstValueFrom(
        this.http.post<DisbursementBatchDto>(`/api/disbursement-imports/${encodeURIComponent(batchId)}/rollback`, null),
      );
    } catch (error) {
      this.rollbackError.set(messageOf(error) ?? '');
    } finally {
      this.rollingBack.set(null);
      this.batches.reload();
    }
  }

  override reset(): void {
    super.reset();
    this.progress.set(null);
    this.uploadId.set(null);
  }

  private async upload(file: File, dryRun: boolean): Promise<void> {
    const target = this.target();
    if (!target || this.busy()) return;
    this.progress.set(null);
    const uploadId = newUploadId();
    this.uploadId.set(dryRun ? null : uploadId);
    const report = await this.send(
      importsUrl(target.code),
      file,
      { fiscalYear: String(target.fiscalYear), dryRun: String(dryRun), uploadId },
      // The server puts the socket into the user's room on connect: be there before the first event.
      dryRun ? undefined : () => this.realtime.whenConnected(),
    );
    if (report && !dryRun) {
      // The answer is the last word: a progress event lost to a reconnect must not leave the bar short.
      const lines = report.lines;
      this.progress.set({
        batchId: report.batchId ?? undefined,
        phase: 'done',
        done: lines,
        total: lines,
        percent: 100,
      });
      this.batches.reload();
    }
  }
}

function messageOf(error: unknown): string | null {
  if (!(error instanceof HttpErrorResponse)) return null;
  const body = error.error as { message?: unknown } | null;
  return body && typeof body.message === 'string' ? body.message : null;
}
