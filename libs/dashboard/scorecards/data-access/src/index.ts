export * from './lib/scorecards.resources';
export * from './lib/scorecard-groups';
export * from './lib/province-view.store';
export * from './lib/strategy-map.store';
export * from './lib/comparison.store';
export * from './lib/testing/scorecard.fixtures';
export * from './lib/live-patches';
export * from './lib/live-rooms';
