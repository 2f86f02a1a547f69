module.exports = {
  displayName: 'dashboard-public-data-access',
  preset: '../../../../tools/jest/angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/dashboard/public/data-access',
};
