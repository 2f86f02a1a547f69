module.exports = {
  displayName: 'dashboard-analysis-feature',
  preset: '../../../../tools/jest/angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/dashboard/analysis/feature',
};
