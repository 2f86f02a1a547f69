import { httpResource } from '@angular/common/http';
import type {
  AgreementRankingDto,
  ClusterDirectoryDto,
  DisbursementBudgetType,
  DisbursementRankingDto,
} from '@provdash/shared/contracts';
import { evaluationParams, type EvaluationQuery } from './scorecards.resources';

/** All 77 provinces ranked by live agreement score, with the cluster means. */
export function agreementRankingResource(query: () => EvaluationQuery | undefined) {
  return httpResource<AgreementRankingDto>(() => {
    const q = query();
    return q ? { url: '/api/compare/agreements', params: evaluationParams(q) } : undefined;
  });
}

export interface DisbursementRankingQuery extends EvaluationQuery {
  level: 'province' | 'cluster';
  budgetType: DisbursementBudgetType;
}

export function disbursementRankingResource(query: () => DisbursementRankingQuery | undefined) {
  return httpResource<DisbursementRankingDto>(() => {
    const q = query();
    return q
      ? {
          url: '/api/disbursement/ranking',
          params: { level: q.level, budgetType: q.budgetType, ...evaluationParams(q) },
        }
      : undefined;
  });
}

/** Clusters with their member provinces: names for the cluster filter, and membership the disbursement ranking leaves out. */
export function clusterDirectoryResource(load: () => boolean) {
  return httpResource<ClusterDirectoryDto>(() => (load() ? '/api/org-units/clusters' : undefined));
}
