export * from './lib/overview.resources';
export * from './lib/overview-query';
export * from './lib/live-overlay';
export * from './lib/live-patches';
export * from './lib/live-feed';
export * from './lib/province-overview.store';
export * from './lib/national-overview.store';
export * from './lib/testing/overview.fixtures';
