module.exports = {
  displayName: 'dashboard-workspace-feature',
  preset: '../../../../tools/jest/angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/dashboard/workspace/feature',
};
