module.exports = {
  displayName: 'dashboard-auth-feature',
  preset: '../../../../tools/jest/angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/dashboard/auth/feature',
};
