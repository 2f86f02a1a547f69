import { computed, Injectable, signal } from '@angular/core';
import { valueOf } from './province-view.store';
import {
  goalComparisonResource,
  kpiComparisonResource,
  planForYear,
  plansResource,
  strategyMapResource,
} from './scorecards.resources';

export type ComparisonKind = 'kpi' | 'goal';

export interface ComparisonQuery {
  kind: ComparisonKind;
  code: string;
  fiscalYear: number | null;
  asOf: string | null;
}

export interface CodeOption {
  code: string;
  nameTh: string;
  nameEn: string;
}

/** Chiang Mai's plan carries the demo template of KPI and goal codes every province shares. */
export const OPTIONS_UNIT = '50';

/** One KPI or goal across the provinces, with the codes to pick from taken from a reference plan. */
@Injectable()
export class ComparisonStore {
  readonly optionsUnit = signal(OPTIONS_UNIT);
  readonly query = signal<ComparisonQuery | undefined>(undefined);

  readonly plans = plansResource(() => this.optionsUnit());
  readonly map = strategyMapResource(() => planForYear(valueOf(this.plans), this.query()?.fiscalYear)?.id);

  readonly kpiOptions = computed<CodeOption[]>(() =>
    (valueOf(this.map)?.issues ?? []).flatMap((i) =>
      i.goals.flatMap((g) =>
        g.kpis.filter((k) => !k.retired).map(({ code, nameTh, nameEn }) => ({ code, nameTh, nameEn })),
      ),
    ),
  );
  readonly goalOptions = computed<CodeOption[]>(() =>
    (valueOf(this.map)?.issues ?? []).flatMap((i) =>
      i.goals.filter((g) => !g.retired).map(({ code, nameTh, nameEn }) => ({ code, nameTh, nameEn })),
    ),
  );

  readonly kpiComparison = kpiComparisonResource(() => {
    const q = this.query();
    return q?.kind === 'kpi' && q.code ? { kpiCode: q.code, fiscalYear: q.fiscalYear, asOf: q.asOf } : undefined;
  });
  readonly goalComparison = goalComparisonResource(() => {
    const q = this.query();
    return q?.kind === 'goal' && q.code ? { goalCode: q.code, fiscalYear: q.fiscalYear, asOf: q.asOf } : undefined;
  });
}
