module.exports = {
  displayName: 'dashboard-workspace-data-access',
  preset: '../../../../tools/jest/angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/dashboard/workspace/data-access',
};
