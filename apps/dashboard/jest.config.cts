module.exports = {
  displayName: 'dashboard',
  preset: '../../tools/jest/angular.preset.js',
  coverageDirectory: '../../coverage/apps/dashboard',
};
