export * from './lib/api-problem';
export * from './lib/work-items';
export * from './lib/workspace.store';
export * from './lib/results-spreadsheet.store';
export * from './lib/testing/workspace.fixtures';
