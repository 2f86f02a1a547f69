module.exports = {
  displayName: 'dashboard-notifications-feature',
  preset: '../../../../tools/jest/angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/dashboard/notifications/feature',
};
