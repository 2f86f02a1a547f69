const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('path');

module.exports = {
  output: {
    path: join(__dirname, '../../dist/apps/api'),
    clean: true,
    ...(process.env.NODE_ENV !== 'production' && {
      devtoolModuleFilenameTemplate: '[absolute-resource-path]',
    }),
  },
  plugins: [
    new NxAppWebpackPlugin({
      target: 'node',
      compiler: 'tsc',
      main: './src/main.ts',
      tsConfig: './tsconfig.app.json',
      // Seed CSVs travel next to main.js, where reference-data.seed.ts looks for them (its __dirname).
      assets: [
        { input: './src/database/seeds/data', glob: '*.csv', output: 'data' },
        // Sarabun (SIL OFL, with its licence) travels next to main.js too, where
        // modules/agreements/exports/sarabun.ts looks first: the image's pruned install needs no font package.
        { input: '../../node_modules/@expo-google-fonts/sarabun/400Regular', glob: '*.ttf', output: 'fonts' },
        { input: '../../node_modules/@expo-google-fonts/sarabun/700Bold', glob: '*.ttf', output: 'fonts' },
        { input: '../../node_modules/@expo-google-fonts/sarabun', glob: 'LICENSE_FONT', output: 'fonts' },
        // The e-mail channel's thread, loaded by path next to main.js (email.channel.ts).
        { input: './src/modules/notifications/channels', glob: 'email.worker.js', output: '.' },
      ],
      optimization: false,
      outputHashing: 'none',
      generatePackageJson: true,
      sourceMap: true,
    }),
  ],
};
