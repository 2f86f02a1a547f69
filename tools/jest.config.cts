/** Specs of the workspace's own tooling (lint rules, presets). */
module.exports = {
  displayName: 'tools',
  preset: './jest/jest.preset.js',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/**/*.spec.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
  moduleFileExtensions: ['ts', 'js'],
  testTimeout: 60000,
};
