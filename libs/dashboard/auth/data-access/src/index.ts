export * from './lib/auth.store';
export * from './lib/auth.interceptor';
export * from './lib/auth.guards';
export * from './lib/provide-auth';
export * from './lib/profile.resource';
export * from './lib/account.api';
export * from './lib/first-paint';
export * from './lib/last-seen';
