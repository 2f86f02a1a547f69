import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorIntl, MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { AuthStore } from '@provdash/dashboard/auth/data-access';
import { OrgUnitsStore } from '@provdash/dashboard/org-units/data-access';
import { downloadBlob, isoDay, provideBuddhistEraDates } from '@provdash/dashboard/scorecards/ui';
import { apiProblem } from '@provdash/dashboard/workspace/data-access';
import type { AuditEventDto, PageDto } from '@provdash/shared/contracts';
import { auditChanges, auditValueText, type AuditFieldChange } from '@provdash/shared/domain';
import { AdminApi, AuditFilter } from './admin.api';
import { formatInstant, injectLang, scopeOptions } from './admin-format';

/** The object types a person changes on screens (table names, as the trail records them). */
export const AUDITED_OBJECTS = [
  'kpi_result',
  'kpi_target',
  'kpi',
  'agreement',
  'agreement_indicator',
  'agreement_indicator_result',
  'agreement_round',
  'agreement_amendment',
  'agreement_template',
  'project',
  'project_progress',
  'disbursement_batch',
  'disbursement_target',
  'risk',
  'plan',
  'strategic_issue',
  'goal',
  'goal_link',
  'strategy',
  'kpi_comment',
  'monthly_report',
  'app_user',
  'org_unit',
] as const;

const PAGE_SIZES = [25, 50, 100];

/** The paginator's words in the reader's language (Material's own are English only). */
function paginatorIntl(): MatPaginatorIntl {
  const transloco = inject(TranslocoService);
  const intl = new MatPaginatorIntl();
  const words = () => {
    intl.itemsPerPageLabel = transloco.translate('auditTrail.perPage');
    intl.nextPageLabel = transloco.translate('auditTrail.nextPage');
    intl.previousPageLabel = transloco.translate('auditTrail.previousPage');
    intl.firstPageLabel = transloco.translate('auditTrail.firstPage');
    intl.lastPageLabel = transloco.translate('auditTrail.lastPage');
    intl.getRangeLabel = (page, size, length) =>
      length === 0
        ? transloco.translate('auditTrail.rangeNone')
        : transloco.translate('auditTrail.range', {
            from: page * size + 1,
            to: Math.min((page + 1) * size, length),
            total: length,
          });
    intl.changes.next();
  };
  transloco.selectTranslation().subscribe(() => words());
  return intl;
}

interface Row {
  event: AuditEventDto;
  changes: AuditFieldChange[];
}

/**
 * The audit trail (read-only): who changed what and when, filtered by unit, person, object type
 * and days (B.E. pickers; a day is Thailand's day), with each change's fields before and after.
 * Paged by the API in SQL; the export asks the API for every filtered row as CSV or XLSX.
 */
@Component({
  selector: 'pd-audit-trail-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoDirective,
  ],
  providers: [provideBuddhistEraDates(), { provide: MatPaginatorIntl, useFactory: paginatorIntl }],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let g">
      <ng-container *transloco="let t; prefix: 'auditTrail'">
        <h1>{{ t('title') }}</h1>
        <p class="intro">{{ t('intro') }}</p>
        <form class="filters" [formGroup]="form" (ngSubmit)="apply()" data-testid="audit-filters">
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>{{ t('unit') }}</mat-label>
            <mat-select formControlName="unit" data-testid="audit-unit">
              @for (o of units(); track o.code) {
                <mat-option [value]="o.code">{{ lang() === 'en' ? o.nameEn : o.nameTh }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>{{ t('person') }}</mat-label>
            <input matInput formControlName="person" maxlength="100" data-testid="audit-person" />
            <mat-hint>{{ t('personHint') }}</mat-hint>
          </mat-form-field>
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>{{ t('object') }}</mat-label>
            <mat-select formControlName="entity" data-testid="audit-object">
              <mat-option value="">{{ t('anyObject') }}</mat-option>
              @for (o of objects; track o) {
                <mat-option [value]="o">{{ t('objects.' + o) }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>{{ t('dates') }}</mat-label>
            <mat-date-range-input [rangePicker]="picker">
              <input matStartDate formControlName="from" [placeholder]="t('from')" data-testid="audit-from" />
              <input matEndDate formControlName="to" [placeholder]="t('to')" data-testid="audit-to" />
            </mat-date-range-input>
            <mat-datepicker-toggle matIconSuffix [for]="picker" />
            <mat-date-range-picker #picker />
          </mat-form-field>
          <div class="buttons">
            <button mat-flat-button type="submit" data-testid="audit-apply">{{ t('apply') }}</button>
            <button mat-button type="button" (click)="clear()">{{ t('clear') }}</button>
          </div>
        </form>
        <div class="bar">
          <span class="count" aria-live="polite" data-testid="audit-count">
            @if (page(); as p) {
              {{ t('count', { total: p.total }) }}
            }
          </span>
          <span class="export">
            <button
              mat-stroked-button
              type="button"
              [disabled]="exporting()"
              (click)="export('csv')"
              data-testid="audit-export-csv"
            >
              {{ t('exportCsv') }}
            </button>
            <button
              mat-stroked-button
              type="button"
              [disabled]="exporting()"
              (click)="export('xlsx')"
              data-testid="audit-export-xlsx"
            >
              {{ t('exportXlsx') }}
            </button>
          </span>
        </div>
        @if (loading()) {
          <mat-progress-bar mode="indeterminate" [attr.aria-label]="g('common.loading')" />
        }
        @if (error(); as e) {
          <p class="error" role="alert">{{ e }}</p>
        }
        <ol class="events" data-testid="audit-rows">
          @for (r of rows(); track r.event.id) {
            <li class="event" data-testid="audit-row">
              <div class="meta">
                <span class="at">{{ when(r.event.at) }}</span>
                <span class="who" data-testid="audit-who"
                  >{{ r.event.userName ?? t('system') }}
                  @if (r.event.userEmail) {
                    <span class="email">{{ r.event.userEmail }}</span>
                  }
                </span>
                <span class="what">
                  <span class="action" [class]="r.event.action">{{ t('actions.' + r.event.action) }}</span>
                  {{ objectName(r.event.entity) }}
                  @if (r.event.orgUnitCode) {
                    · {{ r.event.orgUnitCode }}
                  }
                </span>
              </div>
              <table class="diff">
                <thead>
                  <tr>
                    <th scope="col">{{ t('field') }}</th>
                    <th scope="col">{{ t('before') }}</th>
                    <th scope="col">{{ t('after') }}</th>
                  </tr>
                </thead>
                <tbody>
                  @for (c of r.changes; track c.field) {
                    <tr data-testid="audit-change">
                      <th scope="row">{{ c.field }}</th>
                      <td class="before">{{ text(c.before) }}</td>
                      <td class="after">{{ text(c.after) }}</td>
                    </tr>
                  }
                </tbody>
              </table>
            </li>
          } @empty {
            @if (!loading() && !error()) {
              <li class="empty">{{ t('none') }}</li>
            }
          }
        </ol>
        <mat-paginator
          [length]="page()?.total ?? 0"
          [pageIndex]="pageIndex()"
          [pageSize]="pageSize()"
          [pageSizeOptions]="pageSizes"
          (page)="turn($event)"
          [attr.aria-label]="t('pages')"
        />
      </ng-container>
    </ng-container>
  `,
  styles: `
    :host {
      display: block;
      max-width: 1200px;
      margin: 0 auto;
      padding: 16px;
    }
    h1 {
      margin: 0;
      font-size: 1.5rem;
    }
    .intro {
      color: var(--mat-sys-on-surface-variant);
      margin: 4px 0 16px;
    }
    .filters {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(220px, 1fr));
      gap: 12px;
      align-items: start;
    }
    .buttons {
      display: flex;
      gap: 8px;
      align-items: center;
      min-height: 56px;
    }
    .bar {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      align-items: center;
      gap: 8px;
      margin: 16px 0 8px;
    }
    .export {
      display: flex;
      gap: 8px;
    }
    .events {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .event {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      padding: 12px;
      margin-bottom: 12px;
    }
    .meta {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 16px;
      margin-bottom: 8px;
    }
    .at {
      font-variant-numeric: tabular-nums;
      color: var(--mat-sys-on-surface-variant);
    }
    .who {
      font-weight: 600;
    }
    .email {
      font-weight: 400;
      color: var(--mat-sys-on-surface-variant);
      margin-inline-start: 4px;
    }
    .action {
      display: inline-block;
      padding: 0 8px;
      border-radius: 10px;
      font-size: 0.85em;
      background: var(--mat-sys-surface-container-high);
    }
    .action.insert {
      background: #e3f2e5;
      color: #1b5e20;
    }
    .action.delete {
      background: #fde7e7;
      color: #8c1d18;
    }
    .diff {
      width: 100%;
      border-collapse: collapse;
      table-layout: fixed;
      font-size: 0.9em;
    }
    .diff th,
    .diff td {
      text-align: start;
      padding: 4px 8px;
      border-top: 1px solid var(--mat-sys-outline-variant);
      overflow-wrap: anywhere;
      vertical-align: top;
    }
    .diff thead th {
      color: var(--mat-sys-on-surface-variant);
      font-weight: 500;
    }
    .diff th[scope='row'] {
      width: 28%;
      font-weight: 500;
    }
    .before {
      color: #8c1d18;
    }
    .after {
      color: #1b5e20;
    }
    .empty {
      text-align: center;
      color: var(--mat-sys-on-surface-variant);
      padding: 24px;
    }
    .error {
      color: var(--mat-sys-error);
    }
    @media (max-width: 600px) {
      .diff th[scope='row'] {
        width: 34%;
      }
    }
  `,
})
export class AuditTrailPage {
  private readonly api = inject(AdminApi);
  private readonly snack = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly directory = inject(OrgUnitsStore).directory;
  private readonly user = inject(AuthStore).user;
  protected readonly lang = injectLang();
  protected readonly objects = AUDITED_OBJECTS;
  protected readonly pageSizes = PAGE_SIZES;
  protected readonly page = signal<PageDto<AuditEventDto> | null>(null);
  protected readonly loading = signal(false);
  protected readonly exporting = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly pageIndex = signal(0);
  protected readonly pageSize = signal(25);
  private filter: AuditFilter = {};

  /** The units this reader may choose: their own scope and what lies in it. */
  protected readonly units = computed(() => {
    const scope = this.user()?.scope;
    const all = scopeOptions(this.directory.value());
    if (!scope || scope.type === 'country') return all;
    return all.filter((o) => o.code === scope.code);
  });

  protected readonly form = new FormGroup({
    unit: new FormControl(this.user()?.scope.code ?? 'TH', { nonNullable: true }),
    person: new FormControl('', { nonNullable: true }),
    entity: new FormControl('', { nonNullable: true }),
    from: new FormControl<Date | null>(null),
    to: new FormControl<Date | null>(null),
  });

  protected readonly rows = computed<Row[]>(() =>
    (this.page()?.items ?? []).map((event) => ({ event, changes: auditChanges(event.before, event.after) })),
  );

  constructor() {
    this.apply();
  }

  protected apply(): void {
    const v = this.form.getRawValue();
    this.filter = {
      unit: v.unit,
      person: v.person,
      entity: v.entity,
      // Whole days in Thailand's time: from the start of the first to the start of the day after the last.
      from: v.from ? `${isoDay(v.from)}T00:00:00+07:00` : undefined,
      to: v.to
        ? `${isoDay(new Date(v.to.getFullYear(), v.to.getMonth(), v.to.getDate() + 1))}T00:00:00+07:00`
        : undefined,
    };
    this.pageIndex.set(0);
    void this.load();
  }

  protected clear(): void {
    this.form.reset();
    this.apply();
  }

  protected turn(e: PageEvent): void {
    this.pageIndex.set(e.pageIndex);
    this.pageSize.set(e.pageSize);
    void this.load();
  }

  protected when(iso: string): string {
    return formatInstant(iso, this.lang());
  }

  protected text(value: unknown): string {
    return value === undefined ? '—' : auditValueText(value) || '∅';
  }

  protected objectName(entity: string): string {
    const key = `auditTrail.objects.${entity}`;
    const name = this.transloco.translate(key);
    return name === key ? entity : name;
  }

  protected async export(format: 'csv' | 'xlsx'): Promise<void> {
    this.exporting.set(true);
    try {
      const blob = await this.api.auditExport(this.filter, format);
      const day = new Date().toISOString().slice(0, 10);
      downloadBlob(blob, `audit-trail-${this.filter.unit ?? 'TH'}-${day}.${format}`);
    } catch (error) {
      // A blob body carries the API's message as JSON text.
      let message: string | null = apiProblem(error).message;
      const body = (error as { error?: unknown }).error;
      if (!message && body instanceof Blob) {
        try {
          message = (JSON.parse(await body.text()) as { message?: string }).message ?? null;
        } catch {
          message = null;
        }
      }
      this.snack.open(message ?? this.transloco.translate('auditTrail.exportFailed'), undefined, { duration: 8000 });
    } finally {
      this.exporting.set(false);
    }
  }

  private async load(): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      this.page.set(await this.api.audit(this.filter, this.pageIndex() + 1, this.pageSize()));
    } catch (error) {
      this.page.set(null);
      this.error.set(apiProblem(error).message ?? this.transloco.translate('common.loadError'));
    } finally {
      this.loading.set(false);
    }
  }
}
