module.exports = {
  displayName: 'dashboard-shared-realtime',
  preset: '../../../../tools/jest/angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/dashboard/shared/realtime',
};
