export * from './lib/notification-bell';
export * from './lib/notifications.store';
export * from './lib/notifications.routes';
