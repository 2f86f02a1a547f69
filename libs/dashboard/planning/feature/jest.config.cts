module.exports = {
  displayName: 'dashboard-planning-feature',
  preset: '../../../../tools/jest/angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/dashboard/planning/feature',
};
