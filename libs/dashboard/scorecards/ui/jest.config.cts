module.exports = {
  displayName: 'dashboard-scorecards-ui',
  preset: '../../../../tools/jest/angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/dashboard/scorecards/ui',
};
