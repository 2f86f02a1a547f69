/**
 * Places Thailand's 77 provinces on a grid of equal tiles: near where their seats are, next to the
 * provinces they border, and with each cluster's members touching, so the clusters read as blocks.
 *
 * Pure and deterministic (a seeded generator), so the committed constant can be regenerated and
 * reviewed as a diff. The dashboard never runs this: it imports the constant.
 */

export interface SeatRow {
  code: string;
  cluster: string | null;
  lat: number;
  lon: number;
}

export interface TilePlacement {
  code: string;
  cluster: string | null;
  row: number;
  col: number;
}

export interface LayoutOptions {
  rows: number;
  cols: number;
  /** Random restarts of the annealing; the cheapest result wins. */
  restarts?: number;
  iterations?: number;
  seed?: number;
}

interface Weights {
  displacement: number;
  neighbour: number;
  clusterSplit: number;
  clusterLoose: number;
}

const WEIGHTS: Weights = { displacement: 1, neighbour: 3, clusterSplit: 60, clusterLoose: 2 };
/** Seats this close (in grid units after scaling) count as neighbours whose tiles should touch. */
const NEIGHBOURS_PER_SEAT = 4;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Seat positions in grid units: longitude shrunk by the cosine of the mean latitude so distances
 * are roughly true, then scaled to fill the grid (the narrow south sets the height, the wide
 * north-east the width).
 */
export function targets(seats: readonly SeatRow[], rows: number, cols: number): { x: number; y: number }[] {
  const lat0 = seats.reduce((s, p) => s + p.lat, 0) / seats.length;
  const k = Math.cos((lat0 * Math.PI) / 180);
  const xs = seats.map((p) => p.lon * k);
  const ys = seats.map((p) => -p.lat);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  return seats.map((_, i) => ({
    x: ((xs[i] - x0) / (x1 - x0)) * (cols - 1),
    y: ((ys[i] - y0) / (y1 - y0)) * (rows - 1),
  }));
}

/** Each seat's nearest seats: the pairs whose tiles should stay within one step of each other. */
export function neighbourPairs(seats: readonly SeatRow[]): [number, number][] {
  const pairs = new Set<string>();
  seats.forEach((a, i) => {
    const nearest = seats
      .map((b, j) => ({ j, d: (a.lat - b.lat) ** 2 + (a.lon - b.lon) ** 2 }))
      .filter((n) => n.j !== i)
      .sort((p, q) => p.d - q.d)
      .slice(0, NEIGHBOURS_PER_SEAT);
    for (const n of nearest) pairs.add(i < n.j ? `${i},${n.j}` : `${n.j},${i}`);
  });
  return [...pairs].map((p) => p.split(',').map(Number) as [number, number]);
}

/** Groups of tiles that touch edge to edge. */
export function components(cells: readonly { row: number; col: number }[]): number {
  const key = (r: number, c: number) => `${r},${c}`;
  const left = new Set(cells.map((c) => key(c.row, c.col)));
  let count = 0;
  for (const cell of cells) {
    if (!left.delete(key(cell.row, cell.col))) continue;
    count++;
    const stack = [cell];
    while (stack.length) {
      const { row, col } = stack.pop() as { row: number; col: number };
      for (const [dr, dc] of [
        [1, 0],
        [-1, 0],
        [0, 1],
        [0, -1],
      ]) {
        if (left.delete(key(row + dr, col + dc))) stack.push({ row: row + dr, col: col + dc });
      }
    }
  }
  return count;
}

interface State {
  /** Cell index (row * cols + col) per province. */
  at: number[];
  /** Province per cell, -1 when empty. */
  occupant: number[];
}

function cost(seats: readonly SeatRow[], state: State, ctx: Context): number {
  const { cols } = ctx;
  let total = 0;
  state.at.forEach((cell, i) => {
    const r = Math.floor(cell / cols);
    const c = cell % cols;
    total += WEIGHTS.displacement * ((c - ctx.targets[i].x) ** 2 + (r - ctx.targets[i].y) ** 2);
  });
  for (const [a, b] of ctx.pairs) {
    const d = Math.max(
      Math.abs(Math.floor(state.at[a] / cols) - Math.floor(state.at[b] / cols)),
      Math.abs((state.at[a] % cols) - (state.at[b] % cols)),
    );
    if (d > 1) total += WEIGHTS.neighbour * (d - 1) ** 2;
  }
  for (const members of ctx.clusters.values()) {
    const cells = members.map((i) => ({ row: Math.floor(state.at[i] / cols), col: state.at[i] % cols }));
    total += WEIGHTS.clusterSplit * (components(cells) - 1);
    // A compact block reads better than a snake: distance of each member from the block's centre.
    const mr = cells.reduce((s, c) => s + c.row, 0) / cells.length;
    const mc = cells.reduce((s, c) => s + c.col, 0) / cells.length;
    total += WEIGHTS.clusterLoose * cells.reduce((s, c) => s + (c.row - mr) ** 2 + (c.col - mc) ** 2, 0);
  }
  return total;
}

interface Context {
  rows: number;
  cols: number;
  targets: { x: number; y: number }[];
  pairs: [number, number][];
  clusters: Map<string, number[]>;
}

/** Greedy start: the seats farthest from the centre first, each to the free cell nearest its target. */
function greedy(seats: readonly SeatRow[], ctx: Context): State {
  const occupant = new Array<number>(ctx.rows * ctx.cols).fill(-1);
  const at = new Array<number>(seats.length).fill(-1);
  const cx = (ctx.cols - 1) / 2;
  const cy = (ctx.rows - 1) / 2;
  const order = seats
    .map((_, i) => i)
    .sort(
      (a, b) =>
        (ctx.targets[b].x - cx) ** 2 +
        (ctx.targets[b].y - cy) ** 2 -
        ((ctx.targets[a].x - cx) ** 2 + (ctx.targets[a].y - cy) ** 2),
    );
  for (const i of order) {
    let best = -1;
    let bestD = Infinity;
    occupant.forEach((o, cell) => {
      if (o !== -1) return;
      const d = ((cell % ctx.cols) - ctx.targets[i].x) ** 2 + (Math.floor(cell / ctx.cols) - ctx.targets[i].y) ** 2;
      if (d < bestD) [best, bestD] = [cell, d];
    });
    at[i] = best;
    occupant[best] = i;
  }
  return { at, occupant };
}

function anneal(seats: readonly SeatRow[], ctx: Context, iterations: number, random: () => number): State {
  const state = greedy(seats, ctx);
  let current = cost(seats, state, ctx);
  let best = { at: [...state.at], occupant: [...state.occupant] };
  let bestCost = current;
  const cells = ctx.rows * ctx.cols;
  for (let it = 0; it < iterations; it++) {
    const temperature = 20 * (1 - it / iterations) + 0.01;
    const i = Math.floor(random() * seats.length);
    // Mostly short moves: a neighbouring cell (swapping with whoever is there), sometimes anywhere.
    const from = state.at[i];
    let to: number;
    if (random() < 0.8) {
      const r = Math.floor(from / ctx.cols) + Math.floor(random() * 5) - 2;
      const c = (from % ctx.cols) + Math.floor(random() * 5) - 2;
      if (r < 0 || c < 0 || r >= ctx.rows || c >= ctx.cols) continue;
      to = r * ctx.cols + c;
    } else {
      to = Math.floor(random() * cells);
    }
    if (to === from) continue;
    const j = state.occupant[to];
    state.at[i] = to;
    state.occupant[to] = i;
    state.occupant[from] = j;
    if (j !== -1) state.at[j] = from;
    const next = cost(seats, state, ctx);
    if (next <= current || random() < Math.exp((current - next) / temperature)) {
      current = next;
      if (next < bestCost) {
        bestCost = next;
        best = { at: [...state.at], occupant: [...state.occupant] };
      }
    } else {
      state.at[i] = from;
      state.occupant[from] = i;
      state.occupant[to] = j;
      if (j !== -1) state.at[j] = to;
    }
  }
  return best;
}

export function layoutTileGrid(
  seats: readonly SeatRow[],
  options: LayoutOptions,
): { tiles: TilePlacement[]; cost: number } {
  const { rows, cols } = options;
  if (rows * cols < seats.length) throw new RangeError(`${rows}×${cols} tiles cannot hold ${seats.length} provinces`);
  const clusters = new Map<string, number[]>();
  seats.forEach((s, i) => {
    if (s.cluster) clusters.set(s.cluster, [...(clusters.get(s.cluster) ?? []), i]);
  });
  const ctx: Context = { rows, cols, targets: targets(seats, rows, cols), pairs: neighbourPairs(seats), clusters };
  const random = mulberry32(options.seed ?? 2569);
  let best: State | undefined;
  let bestCost = Infinity;
  for (let run = 0; run < (options.restarts ?? 6); run++) {
    const state = anneal(seats, ctx, options.iterations ?? 200_000, random);
    const c = cost(seats, state, ctx);
    if (c < bestCost) [best, bestCost] = [state, c];
  }
  const placed = best as State;
  // Trim empty outer rows and columns so the grid starts at 0,0.
  const cells = placed.at.map((cell) => ({ row: Math.floor(cell / cols), col: cell % cols }));
  const r0 = Math.min(...cells.map((c) => c.row));
  const c0 = Math.min(...cells.map((c) => c.col));
  return {
    tiles: seats
      .map((s, i) => ({ code: s.code, cluster: s.cluster, row: cells[i].row - r0, col: cells[i].col - c0 }))
      .sort((a, b) => a.row - b.row || a.col - b.col),
    cost: bestCost,
  };
}
