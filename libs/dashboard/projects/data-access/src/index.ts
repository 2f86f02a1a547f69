export * from './lib/disbursement-import.store';
