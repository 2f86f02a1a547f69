export * from './lib/analysis.routes';
