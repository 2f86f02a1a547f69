import type { Stats } from 'node:fs';
import { isReachableBy } from './embedded-postgres';

const postgres = { uid: 999, gid: 999 };

/** A file system of the given folders only; any other path does not exist. */
function statsFrom(table: Record<string, { uid: number; gid: number; mode: number }>) {
  return (p: string) => table[p] as Stats | undefined;
}

describe('isReachableBy', () => {
  const tree = (home: number) =>
    statsFrom({
      '/': { uid: 0, gid: 0, mode: 0o755 },
      '/root': { uid: 0, gid: 0, mode: home },
      '/root/.cache': { uid: 0, gid: 0, mode: 0o755 },
    });

  it('is false under a 0700 home owned by root (the EACCES case of initdb)', () => {
    expect(isReachableBy('/root/.cache', postgres, tree(0o700))).toBe(false);
  });

  it('is true when every parent grants others search permission', () => {
    expect(isReachableBy('/root/.cache', postgres, tree(0o711))).toBe(true);
  });

  it('skips folders that do not exist yet', () => {
    expect(isReachableBy('/root/.cache/provdash/data', postgres, tree(0o755))).toBe(true);
  });

  it('uses the owner bits when the postgres user owns the folder', () => {
    const stat = statsFrom({ '/': { uid: 0, gid: 0, mode: 0o755 }, '/root': { uid: 999, gid: 0, mode: 0o700 } });
    expect(isReachableBy('/root', postgres, stat)).toBe(true);
  });

  it('uses the group bits when only the group matches', () => {
    const stat = statsFrom({ '/': { uid: 0, gid: 0, mode: 0o755 }, '/root': { uid: 0, gid: 999, mode: 0o750 } });
    expect(isReachableBy('/root', postgres, stat)).toBe(true);
    const closed = statsFrom({ '/': { uid: 0, gid: 0, mode: 0o755 }, '/root': { uid: 0, gid: 999, mode: 0o705 } });
    expect(isReachableBy('/root', postgres, closed)).toBe(false);
  });
});
