export * from './lib/org-unit';
export * from './lib/health';
export * from './lib/auth';
export * from './lib/kpi';
export * from './lib/realtime';
export * from './lib/strategy';
export * from './lib/agreement';
export * from './lib/project';
