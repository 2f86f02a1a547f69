module.exports = {
  displayName: 'dashboard-projects-feature',
  preset: '../../../../tools/jest/angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/dashboard/projects/feature',
};
