export * from './lib/public-data';
