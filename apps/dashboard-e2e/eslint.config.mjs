import playwright from 'eslint-plugin-playwright';
import baseConfig from '../../tools/eslint/eslint.base.config.mjs';

export default [
  playwright.configs['flat/recommended'],
  ...baseConfig,
  {
    files: ['**/*.ts', '**/*.js'],
    // Override or add rules here
    rules: {},
  },
];
