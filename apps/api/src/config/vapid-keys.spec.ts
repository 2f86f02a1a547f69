import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrCreateVapidKeys, vapidKeysPath } from './vapid-keys';

describe('VAPID keys kept with the data', () => {
  it('are generated on the first start, private to the owner, and the same on the next', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vapid-'));
    try {
      const config = { DATA_DIR: join(dir, 'postgres') };
      const first = loadOrCreateVapidKeys(config);
      expect(first.created).toBe(true);
      expect(first.publicKey).toMatch(/^[A-Za-z0-9_-]{80,}$/);
      expect(statSync(vapidKeysPath(config)).mode & 0o777).toBe(0o600);
      const second = loadOrCreateVapidKeys(config);
      expect(second).toEqual({ ...first, created: false });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
