/** Black-box tests of the production build: real processes, a real embedded PostgreSQL, HTTP only. */
module.exports = {
  displayName: 'api-e2e',
  preset: '../../tools/jest/jest.preset.js',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js'],
  testTimeout: 120000,
  coverageDirectory: '../../coverage/api-e2e',
};
