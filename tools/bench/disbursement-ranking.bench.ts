/**
 * Ranking of the 77 provinces by capital disbursement rate, with the gap to the Cabinet's target,
 * at ten fiscal years of the national dataset: p50/p95 through the API next to the floor, the same
 * SQL run directly with `pg`, in the same run (see reads.ts). Goals: p95 under 50 ms and at most
 * 1.5× the floor.
 *
 *   npm run bench -- disbursement-ranking
 */
import { readBenchmark } from './reads';
import { nationalDataset } from './support';

export default (): Promise<void> => readBenchmark('disbursement-ranking', () => nationalDataset(10));
