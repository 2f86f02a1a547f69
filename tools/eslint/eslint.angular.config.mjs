import nx from '@nx/eslint-plugin';
import baseConfig from './eslint.base.config.mjs';

/** Every Angular project (the dashboard app and libs/dashboard/*) lints with these rules. */
export default [
  ...nx.configs['flat/angular'],
  ...nx.configs['flat/angular-template'],
  ...baseConfig,
  {
    files: ['**/*.ts'],
    rules: {
      '@angular-eslint/directive-selector': ['error', { type: 'attribute', prefix: 'pd', style: 'camelCase' }],
      '@angular-eslint/component-selector': ['error', { type: 'element', prefix: 'pd', style: 'kebab-case' }],
    },
  },
];
