import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoDirective } from '@jsverse/transloco';
import { catalogueResource, datasetDetailResource, downloadUrl } from '@provdash/dashboard/public/data-access';
import { formatInstant } from '@provdash/dashboard/scorecards/ui';
import type { OpenDataPageDto, OpenDatasetDto } from '@provdash/shared/contracts';
import { injectLang } from './helpers';

/**
 * The open-data catalogue: every dataset with what it holds, when it last changed, its licence,
 * its data dictionary and its downloads (CSV for Excel, JSON, XLSX), by fiscal year and province.
 */
@Component({
  selector: 'pd-open-data-page',
  imports: [
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoDirective,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './open-data.page.html',
  styleUrl: './public-pages.scss',
})
export class OpenDataPage {
  protected readonly lang = injectLang();
  protected readonly catalogue = catalogueResource();
  protected readonly provinces = httpResource<OpenDataPageDto>(() => ({
    url: '/api/public/org-units',
    params: { type: 'province', pageSize: '100' },
  }));
  /** 0: every year; `TH`: the whole country (mat-select shows no label over a chosen value). */
  protected readonly fiscalYear = signal(0);
  protected readonly scope = signal('TH');
  protected readonly open = signal<string | null>(null);
  protected readonly dictionary = datasetDetailResource(() => this.open());
  protected readonly formats = ['csv', 'json', 'xlsx'] as const;
  protected readonly formatInstant = (iso: string | null) => formatInstant(iso, this.lang());

  protected readonly provinceOptions = computed(() =>
    (this.provinces.hasValue() ? this.provinces.value().data : [])
      .map((p) => ({ code: String(p['code']), name: String(this.lang() === 'en' ? p['name_en'] : p['name_th']) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'th')),
  );

  protected href(d: OpenDatasetDto, format: 'csv' | 'json' | 'xlsx'): string {
    return downloadUrl(d.downloadPath, format, {
      fiscalYear: d.byFiscalYear && this.fiscalYear() ? this.fiscalYear() : null,
      scope: this.scope() === 'TH' ? null : this.scope(),
    });
  }

  protected toggle(id: string): void {
    this.open.update((current) => (current === id ? null : id));
  }
}
