/**
 * Measures: whether the floor is a floor on a busy machine — arms A and B at 1 connection in
 * short runs that alternate (A B, B A, …) so a neighbour's load falls on both alike, with the
 * median req/s of each and the CPU milliseconds each arm's process spends per request (from
 * /proc/<pid>/stat, which a busy machine does not inflate). Starts the bench Neo4j on the graph
 * the last bench run left (bench/neo4j.ts: BENCH_NEO4J_* as for `npm run bench`) and the two
 * arms on BENCH_DEV_API_PORT and the next three ports:
 *   npx tsx bench/dev/floor-check.ts [rounds 6] [seconds per run 0.5] [questions, e.g. list,path]
 */
import { readFileSync } from 'node:fs';
import neo4j from 'neo4j-driver';
import { buildArms, launchArm, type RunningArm } from '../arms/launch.js';
import { measure } from '../load.js';
import { startBenchNeo4j } from '../neo4j.js';
import { chooseParams } from '../questions/choose.js';
import { armRequest } from '../questions/operations.js';
import { QUESTIONS } from '../questions/params.js';
import { devSetting } from './profiling-neo4j.js';

const [roundsArg = '6', secondsArg = '0.5', questionsArg] = process.argv.slice(2);
const rounds = Number(roundsArg);
const seconds = Number(secondsArg);
const asked = questionsArg
  ? QUESTIONS.filter((q) => questionsArg.split(',').includes(q))
  : QUESTIONS;
const port = Number(devSetting('BENCH_DEV_API_PORT'));

/** utime + stime of a process, in ms (clock ticks are 10 ms on Linux). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const { settings, server } = await startBenchNeo4j(() => {});
const driver = neo4j.driver(settings.uri, neo4j.auth.basic(settings.username, settings.password));
await buildArms(() => {});
const arms: RunningArm[] = [];
try {
  arms.push(await launchArm('A', port, settings, () => {}));
  arms.push(await launchArm('B', port + 2, settings, () => {}));
  const params = await chooseParams(driver, settings.database);
  for (const q of asked) {
    const rates = new Map<string, number[]>();
    const cpu = new Map<string, { ms: number; requests: number }>();
    for (let round = 0; round < rounds; round++) {
      for (const arm of round % 2 ? [...arms].reverse() : arms) {
        const request = armRequest(arm.arm, q, params);
        await measure(arm.baseUrl, request, 1, 0, 0.1); // warm-up, not counted
        const before = cpuMs(arm.pid);
        const r = await measure(arm.baseUrl, request, 1, 0, seconds);
        const used = cpu.get(arm.arm) ?? { ms: 0, requests: 0 };
        cpu.set(arm.arm, {
          ms: used.ms + cpuMs(arm.pid) - before,
          requests: used.requests + r.requests,
        });
        rates.set(arm.arm, [...(rates.get(arm.arm) ?? []), r.reqPerSec]);
      }
    }
    const line = arms.map((a) => {
      const c = cpu.get(a.arm)!;
      return `${a.arm} ${median(rates.get(a.arm)!)} req/s, ${(c.ms / c.requests).toFixed(2)} ms CPU/request`;
    });
    const ratio = median(rates.get('A')!) / median(rates.get('B')!);
    console.log(`${q}: ${line.join('; ')}; A/B req/s ${ratio.toFixed(2)}×`);
  }
} finally {
  await Promise.all(arms.map((a) => a.stop()));
  await driver.close();
  await server.stop();
}
