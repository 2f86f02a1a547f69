const base = require('./jest.config.cts');

/** Integration specs: real PostgreSQL, a fresh database per file cloned from a migrated template. */
module.exports = {
  ...base,
  displayName: 'api-int',
  testMatch: ['<rootDir>/src/**/*.int-spec.ts'],
  globalSetup: '<rootDir>/src/testing/global-setup.ts',
  globalTeardown: '<rootDir>/src/testing/global-teardown.ts',
  // Hooks too: a file's beforeAll seeds the whole demo (four fiscal years of plans, results,
  // agreements and projects), which takes well over a minute on a busy shared machine.
  testTimeout: 120000,
  coverageDirectory: '../../coverage/apps/api-int',
};
