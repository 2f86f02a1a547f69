module.exports = {
  displayName: 'dashboard-org-units-feature',
  preset: '../../../../tools/jest/angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/dashboard/org-units/feature',
};
