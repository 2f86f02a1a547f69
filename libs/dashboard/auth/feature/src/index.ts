export * from './lib/user-menu';
export * from './lib/auth.routes';
