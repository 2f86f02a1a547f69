module.exports = {
  displayName: 'dashboard-overview-ui',
  preset: '../../../../tools/jest/angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/dashboard/overview/ui',
};
