import { httpResource } from '@angular/common/http';
import { afterNextRender, ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { risksUrl } from '@provdash/dashboard/follow-up/data-access';
import { RiskHeatMap } from '@provdash/dashboard/overview/ui';
import type { RiskDto } from '@provdash/shared/contracts';

/**
 * The province's risk heat map on the governor's view, below the issues (rendered once the
 * scorecard is painted). Its request waits for the render after that, so it never holds the first
 * paint; no `@defer` (its runtime would join the first download, see app.ts). The heat map is the
 * register's (inherent risk of the open risks), with a way into it.
 */
@Component({
  selector: 'pd-province-risks',
  imports: [MatButtonModule, MatCardModule, RouterLink, TranslocoDirective, RiskHeatMap],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-card appearance="outlined" class="risks" data-testid="province-risks" *transloco="let t; prefix: 'riskRegister.provinceView'">
      <mat-card-header>
        <h2 mat-card-title>{{ t('title') }}</h2>
        @if (risks.hasValue()) {
          <mat-card-subtitle>{{ t('count', { n: open().length }) }}</mat-card-subtitle>
        }
      </mat-card-header>
      <mat-card-content>
        @if (risks.hasValue()) {
          <div class="map">
            <pd-risk-heat-map [risks]="open()" mode="inherent" />
          </div>
        } @else if (!risks.error()) {
          <p>{{ t('loading') }}</p>
        }
        <a mat-stroked-button [routerLink]="['/follow-up/risks']" [queryParams]="{ unit: code() }" data-testid="province-risks-open">{{
          t('open')
        }}</a>
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    .risks {
      margin: 16px 0;
    }
    .map {
      max-width: 340px;
      margin-bottom: 12px;
    }
  `,
})
export class ProvinceRisks {
  readonly code = input.required<string>();
  private readonly painted = signal(false);
  readonly risks = httpResource<RiskDto[]>(() => (this.painted() ? risksUrl(this.code()) : undefined));

  constructor() {
    afterNextRender(() => this.painted.set(true));
  }
  readonly open = computed(() => (this.risks.hasValue() ? this.risks.value() : []).filter((r) => r.status === 'open'));
}
