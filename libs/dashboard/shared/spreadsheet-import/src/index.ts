export * from './lib/spreadsheet-file-picker';
export * from './lib/spreadsheet-upload.store';
