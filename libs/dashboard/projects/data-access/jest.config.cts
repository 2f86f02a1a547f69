module.exports = {
  displayName: 'dashboard-projects-data-access',
  preset: '../../../../tools/jest/angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/dashboard/projects/data-access',
};
