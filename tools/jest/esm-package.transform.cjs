/**
 * Jest runs CommonJS; a few Nest 11-era packages (@nestjs/typeorm 12, @nestjs/terminus 12) ship only
 * ES modules and use `import.meta.url`. esbuild converts them to CommonJS (renaming their own
 * `require` binding so it cannot clash with the module wrapper's), turns dynamic `import()` into
 * `require()` and maps `import.meta.url` / `import.meta.resolve` to their CommonJS equivalents.
 */
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
const { transformSync } = require('esbuild');

// Jest caches transformed files; the key must change when this transformer changes.
const SELF = readFileSync(__filename, 'utf8');

module.exports = {
  getCacheKey(source, filename) {
    return createHash('sha256').update(SELF).update(filename).update(source).digest('hex');
  },
  process(source, filename) {
    const { code, map } = transformSync(source, {
      format: 'cjs',
      loader: 'js',
      platform: 'node',
      target: 'node20',
      sourcefile: filename,
      sourcemap: 'inline',
      supported: { 'dynamic-import': false },
      banner:
        'var __import_meta_url = require("node:url").pathToFileURL(__filename).href;' +
        'var __import_meta_resolve = (s) => require.resolve(s);',
      define: { 'import.meta.url': '__import_meta_url', 'import.meta.resolve': '__import_meta_resolve' },
    });
    return { code, map };
  },
};
