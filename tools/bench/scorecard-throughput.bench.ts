/**
 * Read throughput of the province scorecard under concurrent load: autocannon with 50 connections
 * against the API (its own process, on the national dataset at ten fiscal years), next to the floor:
 * a bare NestJS route returning a constant, same connections, same duration, in the same run.
 * Requests come from 5,000 readers in turn (X-Forwarded-For through TRUST_PROXY), as readers behind
 * nginx would: from one address, the API's per-address limit would be what is measured.
 * Goals: at least 0.3× the floor's requests per second, and (issue 23) at least 0.9× the API's
 * cheapest route (`/api/health/live`) in the same run: a kept answer costs about what that route
 * costs. Requests ask as a browser does (`Accept-Encoding: gzip, deflate, br`), so the kept
 * compressed bytes are what is sent.
 *
 *   npm run bench -- scorecard-throughput      (BENCH_THROUGHPUT_SECONDS=10)
 */
import { NATIONAL_AS_OF, NATIONAL_LATEST_FY } from '../dataset/national-dataset';
import { PROVINCE } from './reads';
import { nationalDataset, readerAddress, record, round, startServer, stopServer } from './support';

const CONNECTIONS = 50;
const SECONDS = Number(process.env['BENCH_THROUGHPUT_SECONDS'] ?? 10);
const WARMUP_SECONDS = 3;
export const THROUGHPUT_GOAL = 0.3;
/** The scorecard against the same API's cheapest route (issue 23). */
export const CHEAPEST_ROUTE_GOAL = 0.9;
/** What a browser sends: the answer goes out as the brotli copy kept beside it. */
const BROWSER_ENCODINGS = 'gzip, deflate, br';

/** The part of autocannon's API used here (it ships no types). */
interface CannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p97_5: number; p99: number; average: number };
  throughput: { average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
type Cannon = (options: Record<string, unknown>) => Promise<CannonResult>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as Cannon;

interface Throughput {
  label: string;
  path: string;
  rps: number;
  requests: number;
  latencyMs: { p50: number; p97_5: number; p99: number };
  /** Responses other than 2xx, errors and timeouts: must all be 0 for the figure to count. */
  failed: number;
  mbPerSecond: number;
}

async function load(label: string, url: string, path: string, seconds: number): Promise<Throughput> {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: 'GET',
        path,
        setupRequest: (req: { headers?: Record<string, string> }) => ({
          ...req,
          headers: { ...req.headers, 'x-forwarded-for': readerAddress(), 'accept-encoding': BROWSER_ENCODINGS },
        }),
      },
    ],
  });
  return {
    label,
    path,
    rps: round(result.requests.average, 1),
    requests: result.requests.total,
    latencyMs: { p50: result.latency.p50, p97_5: result.latency.p97_5, p99: result.latency.p99 },
    failed: result.non2xx + result.errors + result.timeouts,
    mbPerSecond: round(result.throughput.average / 1024 / 1024),
  };
}

async function measure(label: string, url: string, path: string): Promise<Throughput> {
  await load(label, url, path, WARMUP_SECONDS);
  return load(label, url, path, SECONDS);
}

export default async (): Promise<void> => {
  const ds = await nationalDataset(10);
  const path = `/api/org-units/${PROVINCE}/scorecard?fiscalYear=${NATIONAL_LATEST_FY}&asOf=${NATIONAL_AS_OF}`;
  console.log(
    `${CONNECTIONS} connections, ${SECONDS} s after ${WARMUP_SECONDS} s of warm-up, each server in its own process`,
  );

  const bare = await startServer(['bare-nest']);
  let floor: Throughput;
  try {
    floor = await measure('bare NestJS route returning a constant (floor)', bare.url, '/api/constant');
  } finally {
    await stopServer(bare);
  }
  const server = await startServer(['api', ds.databaseUrl]);
  let api: Throughput;
  let ceiling: Throughput;
  try {
    api = await measure(`GET /api/org-units/${PROVINCE}/scorecard`, server.url, path);
    // What any route of the product can reach on this machine: the cheapest one (no database, a
    // few bytes) through the same middleware (helmet, CORS, cookies, request ids and logging,
    // request context, per-address limit, access guard, metrics). Not the goal's floor: it shows how
    // much of the distance to the floor is the stack every request crosses, not the scorecard.
    ceiling = await measure('GET /api/health/live (the same API, its cheapest route)', server.url, '/api/health/live');
  } finally {
    await stopServer(server);
  }

  console.log(
    '\n| server | req/s | p50 ms | p97.5 ms | p99 ms | MB/s | failed |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const t of [floor, api, ceiling]) {
    console.log(
      `| ${t.label} | ${t.rps} | ${t.latencyMs.p50} | ${t.latencyMs.p97_5} | ${t.latencyMs.p99} | ${t.mbPerSecond} | ${t.failed} |`,
    );
  }
  const ratio = round(api.rps / floor.rps, 3);
  const met = ratio >= THROUGHPUT_GOAL && api.failed === 0;
  const ofCeiling = round(api.rps / ceiling.rps, 3);
  const ceilingRatio = round(ceiling.rps / floor.rps, 3);
  const metCheapest = ofCeiling >= CHEAPEST_ROUTE_GOAL && api.failed === 0;
  console.log(`\nAPI req/s / floor req/s = ${ratio} (goal ≥ ${THROUGHPUT_GOAL}: ${met ? 'met' : 'NOT met'})`);
  console.log(
    `cheapest route / floor = ${ceilingRatio}; scorecard / cheapest route = ${ofCeiling} (goal ≥ ${CHEAPEST_ROUTE_GOAL}: ${metCheapest ? 'met' : 'NOT met'})`,
  );
  if (api.failed || floor.failed || ceiling.failed)
    console.log(`failed requests: API ${api.failed}, floor ${floor.failed}, cheapest route ${ceiling.failed}`);
  record('scorecard-throughput', {
    connections: CONNECTIONS,
    seconds: SECONDS,
    floor,
    api,
    ceiling,
    ratio,
    ceilingRatio,
    ofCeiling,
    met,
    metCheapest,
  });
};
