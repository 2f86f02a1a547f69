module.exports = {
  displayName: 'dashboard-follow-up-data-access',
  preset: '../../../../tools/jest/angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/dashboard/follow-up/data-access',
};
