import { mkdtempSync, readFileSync, rmSync, statSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PUBLISHED_JWT_SECRETS } from './app-config';
import { jwtSecretPath, loadOrCreateJwtSecret } from './jwt-secret';

describe('the token secret of a default start', () => {
  let root: string;
  beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'provdash-secret-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('is generated on the first start beside the data, readable by the owner only, and reused on the next', () => {
    const config = { DATA_DIR: join(root, '.data', 'postgres') };
    const first = loadOrCreateJwtSecret(config);
    const path = jwtSecretPath(config);
    expect(path).toBe(join(root, '.data', 'jwt-secret'));
    expect(first.created).toBe(true);
    expect(first.secret).toMatch(/^[0-9a-f]{64}$/);
    expect(PUBLISHED_JWT_SECRETS).not.toContain(first.secret);
    expect(readFileSync(path, 'utf8')).toBe(first.secret);
    expect(statSync(path).mode & 0o777).toBe(0o600);

    const again = loadOrCreateJwtSecret(config);
    expect(again).toEqual({ secret: first.secret, created: false });
  });

  it('differs between installs', () => {
    const a = loadOrCreateJwtSecret({ DATA_DIR: join(root, 'a', 'postgres') }).secret;
    const b = loadOrCreateJwtSecret({ DATA_DIR: join(root, 'b', 'postgres') }).secret;
    expect(a).not.toBe(b);
  });

  it('tightens a kept secret that others could read', () => {
    const config = { DATA_DIR: join(root, 'postgres') };
    loadOrCreateJwtSecret(config);
    chmodSync(jwtSecretPath(config), 0o644);
    loadOrCreateJwtSecret(config);
    expect(statSync(jwtSecretPath(config)).mode & 0o777).toBe(0o600);
  });
});
