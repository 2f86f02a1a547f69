import baseConfig from '../../tools/eslint/eslint.base.config.mjs';

export default [...baseConfig];
