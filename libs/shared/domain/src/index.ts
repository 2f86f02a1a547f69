export * from './lib/iso-date';
export * from './lib/fiscal-period';
export * from './lib/kpi-rollup';
export * from './lib/kpi-status';
export * from './lib/agreement-score';
export * from './lib/money';
export * from './lib/disbursement';
export { formatDecimal, roundDecimal } from './lib/rational';
export type { Rational } from './lib/rational';
