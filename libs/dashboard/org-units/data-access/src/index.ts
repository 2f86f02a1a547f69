export * from './lib/org-units.store';
