export * from './lib/kpi-setup.routes';
