/** Unit specs of the API. `jest.int.config.cts` extends this for the integration specs. */
module.exports = {
  displayName: 'api',
  preset: '../../tools/jest/jest.preset.js',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: {
    '/node_modules/.+\\.m?js$': '<rootDir>/../../tools/jest/esm-package.transform.cjs',
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  // @nestjs/typeorm 12, @nestjs/terminus 12 and @nestjs/event-emitter 12 ship only ES modules, and so does
  // pdf.js's worker, which the PDF specs load in-process (testing/pdf-text.ts), and pg-boss with its
  // ES-module dependencies (the scheduler, modules/jobs); every other package
  // stays untransformed.
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs/typeorm|@nestjs/terminus|@nestjs/event-emitter|pdfjs-dist|pg-boss|rrule-temporal|serialize-error|non-error)/)',
  ],
  moduleFileExtensions: ['ts', 'js'],
  coverageDirectory: '../../coverage/apps/api',
};
