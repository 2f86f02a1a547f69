export * from './lib/format';
export * from './lib/status-chip';
export * from './lib/kpi-sparkline';
export * from './lib/kpi-history-chart';
export * from './lib/achievement-bar-chart';
export * from './lib/strategy-map-diagram';
