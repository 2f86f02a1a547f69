export * from './lib/disbursement-import.store';
export * from './lib/projects.api';
