module.exports = {
  displayName: 'dashboard-auth-data-access',
  preset: '../../../../tools/jest/angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/dashboard/auth/data-access',
};
