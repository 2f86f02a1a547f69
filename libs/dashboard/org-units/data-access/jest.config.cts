module.exports = {
  displayName: 'dashboard-org-units-data-access',
  preset: '../../../../tools/jest/angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/dashboard/org-units/data-access',
};
