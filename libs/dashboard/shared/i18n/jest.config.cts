module.exports = {
  displayName: 'dashboard-shared-i18n',
  preset: '../../../../tools/jest/angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/dashboard/shared/i18n',
};
