export * from './lib/directives.api';
export * from './lib/meetings.api';
export * from './lib/risks.api';
