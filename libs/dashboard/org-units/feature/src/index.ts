export * from './lib/org-units.routes';
