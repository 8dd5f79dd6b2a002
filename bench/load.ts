/**
 * Load generation with autocannon, in the runner's process (separate from every arm): a warm-up
 * at the same concurrency, then a fixed duration whose numbers are kept.
 */
import autocannon from 'autocannon';
import type { ArmRequest } from './questions/operations.js';

export interface LoadResult {
  connections: number;
  durationS: number;
  requests: number;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** Socket errors, timeouts and non-2xx answers. */
  errors: number;
}

function run(url: string, req: ArmRequest, connections: number, durationS: number) {
  return autocannon({
    url: url + req.path,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: req.body,
    connections,
    duration: durationS,
    timeout: 30,
  });
}

export async function measureLoad(
  baseUrl: string,
  req: ArmRequest,
  connections: number,
  warmupS: number,
  durationS: number,
): Promise<LoadResult> {
  if (warmupS > 0) await run(baseUrl, req, connections, warmupS);
  const r = await run(baseUrl, req, connections, durationS);
  return {
    connections,
    durationS,
    requests: r.requests.total,
    reqPerSec: Math.round((r.requests.total / durationS) * 10) / 10,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    errors: r.errors + r.timeouts + r.non2xx,
  };
}
