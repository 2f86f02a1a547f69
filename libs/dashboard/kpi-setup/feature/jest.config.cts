module.exports = {
  displayName: 'dashboard-kpi-setup-feature',
  preset: '../../../../tools/jest/angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/dashboard/kpi-setup/feature',
};
