module.exports = {
  displayName: 'dashboard-admin-feature',
  preset: '../../../../tools/jest/angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/dashboard/admin/feature',
};
