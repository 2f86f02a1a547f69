/**
 * National comparison of one KPI across 77 provinces, at ten fiscal years of the national dataset:
 * p50/p95 through the API next to the floor, the same SQL run directly with `pg`, in the same run
 * (see reads.ts). Goals: p95 under 50 ms and at most 1.5× the floor.
 *
 *   npm run bench -- compare-kpi
 */
import { readBenchmark } from './reads';
import { nationalDataset } from './support';

export default (): Promise<void> => readBenchmark('compare-kpi', () => nationalDataset(10));
