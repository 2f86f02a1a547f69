export * from './lib/scorecards.routes';
