import { computed, Injectable, signal } from '@angular/core';
import { groupScorecard } from './scorecard-groups';
import { planForYear, plansResource, scorecardResource, strategyMapResource } from './scorecards.resources';

export interface ProvinceViewQuery {
  code: string;
  fiscalYear: number | null;
  asOf: string | null;
}

/** A value that is never read from a resource in error (reading one would throw). */
export function valueOf<T>(res: { hasValue(): boolean; value(): T }): T | undefined {
  return res.hasValue() ? res.value() : undefined;
}

/**
 * The governor's view of one province: the scorecard (one request), and the plan's map for the
 * names of issues and goals (the plan list, then the map). Provide it on the page.
 */
@Injectable()
export class ProvinceViewStore {
  readonly query = signal<ProvinceViewQuery | undefined>(undefined);

  readonly scorecard = scorecardResource(() => this.query());
  readonly plans = plansResource(() => this.query()?.code);
  readonly plan = computed(() => planForYear(valueOf(this.plans), this.query()?.fiscalYear));
  readonly map = strategyMapResource(() => this.plan()?.id);

  readonly groups = computed(() => {
    const scorecard = valueOf(this.scorecard);
    return scorecard ? groupScorecard(scorecard, valueOf(this.map)) : [];
  });
}
