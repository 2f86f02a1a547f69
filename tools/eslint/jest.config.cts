/** Specs of the shared ESLint configuration: the module boundaries really fail `npm run lint`. */
module.exports = {
  displayName: 'workspace-lint',
  preset: '../jest/jest.preset.js',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/**/*.spec.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/../tsconfig.json' }],
  },
  moduleFileExtensions: ['ts', 'js'],
  testTimeout: 60000,
};
