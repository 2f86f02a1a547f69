module.exports = {
  displayName: 'dashboard-agreements-feature',
  preset: '../../../../tools/jest/angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/dashboard/agreements/feature',
};
