module.exports = {
  displayName: 'dashboard-scorecards-feature',
  preset: '../../../../tools/jest/angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/dashboard/scorecards/feature',
};
