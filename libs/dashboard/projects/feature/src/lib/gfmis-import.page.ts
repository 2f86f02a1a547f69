import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { AuthStore } from '@provdash/dashboard/auth/data-access';
import { OrgUnitsStore } from '@provdash/dashboard/org-units/data-access';
import { DisbursementImportStore } from '@provdash/dashboard/projects/data-access';
import { SpreadsheetFilePicker } from '@provdash/dashboard/shared/spreadsheet-import';
import type { DisbursementBatchDto, OrgUnitDto } from '@provdash/shared/contracts';
import { bangkokDateOf, fiscalYearOf } from '@provdash/shared/domain';
import { firstValueFrom, map } from 'rxjs';
import { ConfirmRollbackDialog } from './confirm-rollback.dialog';

const bahtFormat = new Intl.NumberFormat('th-TH', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const countFormat = new Intl.NumberFormat('th-TH');

/** Baht with Thai digit grouping and two decimals ("2,187,500.50"), from the API's decimal string. */
export function formatBaht(amount: string | number | null | undefined): string {
  const n = typeof amount === 'string' ? Number(amount) : amount;
  return n === null || n === undefined || !Number.isFinite(n) ? '–' : bahtFormat.format(n);
}

export function formatCount(n: number): string {
  return countFormat.format(n);
}

/** A `YYYY-MM-01` month as "ธ.ค. 2568" (Buddhist Era) or "Dec 2025". */
export function formatMonth(month: string, lang: string): string {
  const d = new Date(`${month.slice(0, 7)}-01T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return month;
  return d.toLocaleDateString(lang === 'en' ? 'en-GB' : 'th-TH', { month: 'short', year: 'numeric', timeZone: 'UTC' });
}

function thisFiscalYear(): number {
  return fiscalYearOf(bangkokDateOf(new Date()));
}

/**
 * The strategy office's GFMIS import (docs/gfmis-import.md): check a file (dry run), import it with
 * live progress, and the province's batches with their rollback.
 */
@Component({
  selector: 'pd-gfmis-import-page',
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatProgressBarModule,
    MatSelectModule,
    SpreadsheetFilePicker,
    TranslocoDirective,
  ],
  providers: [DisbursementImportStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './gfmis-import.page.html',
  styleUrl: './gfmis-import.page.scss',
})
export class GfmisImportPage {
  /** Query parameters (component input binding): `?code=50&fy=2569`. */
  readonly code = input<string>();
  readonly fy = input<string>();

  protected readonly store = inject(DisbursementImportStore);
  private readonly auth = inject(AuthStore);
  private readonly orgUnits = inject(OrgUnitsStore);
  private readonly dialog = inject(MatDialog);
  private readonly transloco = inject(TranslocoService);
  protected readonly lang = toSignal(this.transloco.langChanges$.pipe(map((l) => (l === 'en' ? 'en' : 'th'))), {
    initialValue: this.transloco.getActiveLang() === 'en' ? 'en' : 'th',
  });

  protected readonly years = (() => {
    const fy = thisFiscalYear();
    return [fy - 2, fy - 1, fy, fy + 1];
  })();

  /** The provinces this user may write to: their own, or every province for a wider scope. */
  protected readonly provinces = computed<OrgUnitDto[]>(() => {
    const d = this.orgUnits.directory.hasValue() ? this.orgUnits.directory.value() : undefined;
    const all = d ? [...d.clusters.flatMap((c) => c.provinces), ...d.unclustered] : [];
    const scope = this.auth.user()?.scope;
    const mine = scope?.type === 'province' ? all.filter((p) => p.code === scope.code) : all;
    return [...mine].sort((a, b) => a.nameTh.localeCompare(b.nameTh, 'th'));
  });

  protected readonly province = signal<string | null>(null);
  protected readonly fiscalYear = signal<number>(thisFiscalYear());
  protected readonly file = signal<File | null>(null);

  protected readonly formatBaht = formatBaht;
  protected readonly formatCount = formatCount;

  constructor() {
    // The URL or the user's own province first; a wider scope picks from the list.
    effect(() => {
      const fromUrl = this.code();
      const scope = this.auth.user()?.scope;
      this.province.set(fromUrl ?? (scope?.type === 'province' ? scope.code : null));
    });
    effect(() => {
      const fy = Number(this.fy());
      if (Number.isInteger(fy) && fy > 2400) this.fiscalYear.set(fy);
    });
    effect(() => {
      const code = this.province();
      this.store.target.set(code ? { code, fiscalYear: this.fiscalYear() } : undefined);
    });
  }

  protected provinceName(p: OrgUnitDto): string {
    return this.lang() === 'en' ? p.nameEn : p.nameTh;
  }

  protected month(m: string): string {
    return formatMonth(m, this.lang());
  }

  protected when(iso: string): string {
    return new Date(iso).toLocaleString(this.lang() === 'en' ? 'en-GB' : 'th-TH', {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'Asia/Bangkok',
    });
  }

  protected pickProvince(code: string): void {
    this.province.set(code);
    this.store.reset();
  }

  protected pickYear(fy: number): void {
    this.fiscalYear.set(fy);
    this.store.reset();
  }

  protected chooseFile(file: File | null): void {
    this.file.set(file);
    this.store.reset();
  }

  protected dryRun(): void {
    const file = this.file();
    if (file) void this.store.dryRun(file);
  }

  protected runImport(): void {
    const file = this.file();
    if (file) void this.store.import(file);
  }

  protected async rollback(batch: DisbursementBatchDto): Promise<void> {
    const ref = this.dialog.open(ConfirmRollbackDialog, { data: batch, maxWidth: '92vw', autoFocus: 'dialog' });
    if (await firstValueFrom(ref.afterClosed())) await this.store.rollback(batch.id);
  }
}
