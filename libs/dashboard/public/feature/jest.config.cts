module.exports = {
  displayName: 'dashboard-public-feature',
  preset: '../../../../tools/jest/angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/dashboard/public/feature',
};
