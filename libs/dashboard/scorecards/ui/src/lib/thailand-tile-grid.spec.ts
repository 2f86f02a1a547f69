import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { THAILAND_TILE_GRID, TILE_GRID_COLS, TILE_GRID_ROWS } from './thailand-tile-grid';

/** The reference data the layout was generated from (the API seeds it too). */
function referenceProvinces(): { code: string; cluster: string | null; lat: number; lon: number }[] {
  const csv = readFileSync(
    join(__dirname, '../../../../../../apps/api/src/database/seeds/data/provinces.csv'),
    'utf8',
  ).trim();
  const [header, ...lines] = csv.split(/\r?\n/);
  const cols = header.split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    const get = (name: string) => cells[cols.indexOf(name)];
    return { code: get('code'), cluster: get('cluster') || null, lat: Number(get('lat')), lon: Number(get('lon')) };
  });
}

const tileOf = (code: string) => {
  const tile = THAILAND_TILE_GRID.find((t) => t.code === code);
  if (!tile) throw new Error(`no tile for ${code}`);
  return tile;
};

/** Groups of tiles that touch edge to edge. */
function pieces(cells: { row: number; col: number }[]): number {
  const left = new Set(cells.map((c) => `${c.row},${c.col}`));
  let count = 0;
  for (const start of cells) {
    if (!left.delete(`${start.row},${start.col}`)) continue;
    count++;
    const stack = [start];
    while (stack.length) {
      const { row, col } = stack.pop() as { row: number; col: number };
      for (const [r, c] of [
        [row + 1, col],
        [row - 1, col],
        [row, col + 1],
        [row, col - 1],
      ]) {
        if (left.delete(`${r},${c}`)) stack.push({ row: r, col: c });
      }
    }
  }
  return count;
}

describe('THAILAND_TILE_GRID', () => {
  const reference = referenceProvinces();

  it('places every one of the 77 provinces exactly once, with the cluster the reference data gives it', () => {
    expect(reference).toHaveLength(77);
    expect(THAILAND_TILE_GRID).toHaveLength(77);
    expect(new Set(THAILAND_TILE_GRID.map((t) => t.code)).size).toBe(77);
    expect(THAILAND_TILE_GRID.map((t) => [t.code, t.cluster]).sort()).toEqual(
      reference.map((p) => [p.code, p.cluster]).sort(),
    );
  });

  it('puts no two provinces on one tile, and every tile inside the grid', () => {
    const cells = THAILAND_TILE_GRID.map((t) => `${t.row},${t.col}`);
    expect(new Set(cells).size).toBe(77);
    for (const t of THAILAND_TILE_GRID) {
      expect(t.row).toBeGreaterThanOrEqual(0);
      expect(t.col).toBeGreaterThanOrEqual(0);
      expect(t.row).toBeLessThan(TILE_GRID_ROWS);
      expect(t.col).toBeLessThan(TILE_GRID_COLS);
    }
  });

  it("keeps each cluster's members edge to edge in one block", () => {
    const clusters = new Map<string, { row: number; col: number }[]>();
    for (const t of THAILAND_TILE_GRID) {
      if (t.cluster) clusters.set(t.cluster, [...(clusters.get(t.cluster) ?? []), t]);
    }
    expect(clusters.size).toBe(18);
    const split = [...clusters].filter(([, cells]) => pieces(cells) > 1).map(([code]) => code);
    expect(split).toEqual([]);
  });

  it('keeps the map the right way up: north above south, west left of east', () => {
    expect(tileOf('57').row).toBeLessThan(tileOf('10').row); // Chiang Rai above Bangkok
    expect(tileOf('10').row).toBeLessThan(tileOf('96').row); // Bangkok above Narathiwat
    expect(tileOf('58').col).toBeLessThan(tileOf('34').col); // Mae Hong Son left of Ubon Ratchathani
    expect(tileOf('71').col).toBeLessThan(tileOf('27').col); // Kanchanaburi left of Sa Kaeo
    // Across the whole country, tile order follows seat order far more often than not.
    let agree = 0;
    let pairs = 0;
    for (const a of reference) {
      for (const b of reference) {
        if (a.code >= b.code || Math.abs(a.lat - b.lat) < 1) continue;
        pairs++;
        if (Math.sign(tileOf(a.code).row - tileOf(b.code).row) === Math.sign(b.lat - a.lat)) agree++;
      }
    }
    expect(agree / pairs).toBeGreaterThan(0.95);
  });

  it("keeps neighbours near: each province's nearest seat is at most two tiles away", () => {
    const far = reference.filter((a) => {
      const nearest = reference
        .filter((b) => b.code !== a.code)
        .sort((p, q) => (p.lat - a.lat) ** 2 + (p.lon - a.lon) ** 2 - ((q.lat - a.lat) ** 2 + (q.lon - a.lon) ** 2))[0];
      const [ta, tb] = [tileOf(a.code), tileOf(nearest.code)];
      return Math.max(Math.abs(ta.row - tb.row), Math.abs(ta.col - tb.col)) > 2;
    });
    expect(far.map((p) => p.code)).toEqual([]);
  });
});
