module.exports = {
  displayName: 'dashboard-follow-up-feature',
  preset: '../../../../tools/jest/angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/dashboard/follow-up/feature',
};
