module.exports = {
  displayName: 'dashboard-scorecards-data-access',
  preset: '../../../../tools/jest/angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/dashboard/scorecards/data-access',
};
