module.exports = {
  displayName: 'dashboard-overview-data-access',
  preset: '../../../../tools/jest/angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/dashboard/overview/data-access',
};
