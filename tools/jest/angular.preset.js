/** Shared Jest setup of every Angular project (app and libs/dashboard/*): zoneless TestBed, jsdom. */
const nxPreset = require('./jest.preset.js');

module.exports = {
  ...nxPreset,
  testEnvironment: 'jsdom',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  transform: {
    '^.+\\.(ts|mjs|js|html)$': [
      'jest-preset-angular',
      { tsconfig: '<rootDir>/tsconfig.spec.json', stringifyContentPathRegex: '\\.(html|svg)$' },
    ],
  },
  // Angular packages ship .mjs; Transloco and its helpers, and d3's modules, ship ES modules as .js.
  transformIgnorePatterns: ['node_modules/(?!(.*\\.mjs$|@jsverse/|flat/|d3-[a-z-]+/|internmap/))'],
  snapshotSerializers: [
    'jest-preset-angular/build/serializers/no-ng-attributes',
    'jest-preset-angular/build/serializers/ng-snapshot',
    'jest-preset-angular/build/serializers/html-comment',
  ],
};
