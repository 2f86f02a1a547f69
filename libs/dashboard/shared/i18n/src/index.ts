export * from './lib/i18n';
export * from './lib/language-switch';
export * from './lib/lang';
