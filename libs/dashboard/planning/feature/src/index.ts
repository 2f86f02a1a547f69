export * from './lib/plan-builder.routes';
