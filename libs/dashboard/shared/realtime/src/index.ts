export * from './lib/realtime.service';
