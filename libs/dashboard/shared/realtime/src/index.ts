export * from './lib/realtime.service';
export * from './lib/live-batch';
export * from './lib/highlights';
export * from './lib/live-indicator';
export * from './lib/testing/fake-realtime-socket';
