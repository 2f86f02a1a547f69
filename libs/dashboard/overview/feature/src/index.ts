export * from './lib/overview.routes';
