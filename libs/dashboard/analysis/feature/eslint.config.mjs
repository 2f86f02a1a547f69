import angularConfig from '../../../../tools/eslint/eslint.angular.config.mjs';

export default [...angularConfig];
