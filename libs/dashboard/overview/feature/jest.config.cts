module.exports = {
  displayName: 'dashboard-overview-feature',
  preset: '../../../../tools/jest/angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/dashboard/overview/feature',
};
