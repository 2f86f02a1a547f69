module.exports = {
  displayName: 'dashboard-shared-spreadsheet-import',
  preset: '../../../../tools/jest/angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/dashboard/shared/spreadsheet-import',
};
