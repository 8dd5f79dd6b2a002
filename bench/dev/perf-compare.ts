/**
 * Performance work: the bench's questions against arms already running on the profiling Neo4j,
 * side by side (same machine, same moment), with answers checked against the floor's.
 * `npx tsx bench/dev/perf-compare.ts A:58910 B:58900 Bbefore:58920 C:58930`
 * (label:port; the label's first letter names the arm's operations).
 */
import { isDeepStrictEqual } from 'node:util';
import neo4j from 'neo4j-driver';
import { measure } from '../load.js';
import { chooseParams } from '../questions/choose.js';
import { armRequest, canonicalAnswer, type ArmName } from '../questions/operations.js';
import { QUESTIONS } from '../questions/params.js';

const arms = process.argv.slice(2).map((a) => {
  const [label, port] = a.split(':') as [string, string];
  return { label, arm: label[0] as ArmName, url: `http://127.0.0.1:${port}` };
});
const connections = (process.env.PERF_CONNECTIONS ?? '1,8').split(',').map(Number);
const seconds = Number(process.env.PERF_SECONDS ?? 3);
const driver = neo4j.driver(
  process.env.PERF_BOLT ?? 'bolt://127.0.0.1:58687',
  neo4j.auth.basic('neo4j', process.env.PERF_PASSWORD ?? 'togys-perf-password'),
);
const params = await chooseParams(driver, 'neo4j');
await driver.close();
console.log(JSON.stringify(params));

for (const q of QUESTIONS) {
  let floor: unknown;
  for (const { label, arm, url } of arms) {
    const req = armRequest(arm, q, params);
    const res = await fetch(url + req.path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: req.body,
    });
    const answer = canonicalAnswer(arm, q, await res.json());
    if (floor === undefined) floor = answer;
    const same = isDeepStrictEqual(answer, floor) ? 'same answer' : 'DIFFERENT ANSWER';
    for (const c of connections) {
      const r = await measure(url, req, c, 1, seconds);
      console.log(
        `${q.padEnd(8)} ${label.padEnd(8)} c=${String(c).padEnd(2)} ${String(r.reqPerSec).padStart(7)} req/s  p50 ${String(r.p50Ms).padStart(7)} ms  p99 ${String(r.p99Ms).padStart(7)} ms  errors ${r.errors}  ${same}`,
      );
    }
  }
}
