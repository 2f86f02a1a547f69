import { join } from 'node:path';
import { loadConfig, register } from 'tsconfig-paths';

/**
 * Jest resolves `@provdash/*` aliases inside test files, but global setup runs as plain Node;
 * registering the workspace's tsconfig paths lets it load the same modules the specs do.
 */
const config = loadConfig(join(__dirname, '..', '..', '..', '..', 'tsconfig.base.json'));
if (config.resultType === 'failed') throw new Error(`tsconfig paths: ${config.message}`);
register({ baseUrl: config.absoluteBaseUrl, paths: config.paths });
