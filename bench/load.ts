/**
 * Load generation in the runner's process (separate from every arm): a warm-up at the same
 * concurrency, then a fixed duration whose numbers are kept. autocannon for 8 and 32 connections;
 * a sequential timed loop for 1 connection (sub-millisecond resolution).
 */
import http from 'node:http';
import autocannon from 'autocannon';
import type { ArmRequest } from './questions/operations.js';

export interface LoadResult {
  connections: number;
  durationS: number;
  requests: number;
  reqPerSec: number;
  /** Null when no request completed within the duration. */
  p50Ms: number | null;
  p99Ms: number | null;
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
    // autocannon stops at its first sample tick after `duration`: with its default 1 s ticks a
    // 0.4 s run lasts 1 s and a 2 s run 2–3 s. Ticks of 100 ms keep runs to their duration.
    sampleInt: 100,
    timeout: 30,
  });
}

async function measureLoad(
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
    // autocannon's own elapsed time: the timer fires a little after `durationS`.
    reqPerSec: Math.round((r.requests.total / (r.duration || durationS)) * 10) / 10,
    p50Ms: r.requests.total > 0 ? r.latency.p50 : null,
    p99Ms: r.requests.total > 0 ? r.latency.p99 : null,
    errors: r.errors + r.timeouts + r.non2xx,
  };
}

/**
 * One connection, one request at a time, timed with performance.now(): autocannon's histogram
 * has 1 ms resolution, too coarse for sub-millisecond lookups at one connection.
 */
async function measureSequential(
  baseUrl: string,
  req: ArmRequest,
  warmupS: number,
  durationS: number,
): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const url = new URL(baseUrl + req.path);
  const once = () =>
    new Promise<number>((resolve, reject) => {
      const r = http.request(
        url,
        {
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(req.body),
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      r.on('error', reject);
      r.end(req.body);
    });
  try {
    const warmEnd = performance.now() + warmupS * 1000;
    while (performance.now() < warmEnd) await once();
    const samples: number[] = [];
    let errors = 0;
    const start = performance.now();
    const end = start + durationS * 1000;
    while (performance.now() < end) {
      const t = performance.now();
      const status = await once().catch(() => 0);
      if (status < 200 || status >= 300) errors++;
      else samples.push(performance.now() - t);
    }
    const elapsedS = (performance.now() - start) / 1000;
    samples.sort((a, b) => a - b);
    const pct = (p: number) =>
      samples.length
        ? Math.round(samples[Math.min(samples.length - 1, Math.floor(p * samples.length))]! * 100) /
          100
        : null;
    return {
      connections: 1,
      durationS: Math.round(elapsedS * 100) / 100,
      requests: samples.length + errors,
      reqPerSec: Math.round((samples.length / elapsedS) * 10) / 10,
      p50Ms: pct(0.5),
      p99Ms: pct(0.99),
      errors,
    };
  } finally {
    agent.destroy();
  }
}

/** Sequential at one connection, autocannon above. */
export function measure(
  baseUrl: string,
  req: ArmRequest,
  connections: number,
  warmupS: number,
  durationS: number,
): Promise<LoadResult> {
  return connections === 1
    ? measureSequential(baseUrl, req, warmupS, durationS)
    : measureLoad(baseUrl, req, connections, warmupS, durationS);
}
