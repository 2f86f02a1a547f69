/**
 * The closed word lists' types, derived from the const arrays in the domain library
 * (libs/shared/domain/src/lib/vocabulary.ts), where each list is written once. Types only: the
 * contracts stay free of runtime code.
 */
export type {
  DataQualityKind,
  DirectiveSource,
  DirectiveState,
  DisbursementBudgetType,
  Frequency,
  KpiStatusName,
  PlanStatus,
  ProjectBudgetType,
  ResultStatusName,
} from '@provdash/shared/domain';
