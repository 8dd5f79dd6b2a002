/**
 * Measures: CPU milliseconds an API process spends per request of a bench question (from
 * /proc/<pid>/stat, so it holds on a busy machine), and the profiling Neo4j's too when
 * PERF_NEO4J_PID is set. The server is perf-server.ts (arm B) or a built arm
 * (`node dist/bench-build/bench/arms/<arm>.js` with BENCH_ARM_PORT and BENCH_NEO4J_*); with
 * BENCH_DEV_* set (profiling-neo4j.ts):
 *   npx tsx bench/dev/perf-cpu.ts <server pid> [arm B] [question lookup] [connections 8] [seconds 5]
 */
import { readFileSync } from 'node:fs';
import { measure } from '../load.js';
import { chooseParams } from '../questions/choose.js';
import { armRequest, type ArmName } from '../questions/operations.js';
import type { QuestionName } from '../questions/params.js';
import { devSetting, profilingDriver } from './profiling-neo4j.js';

const [pid, arm = 'B', question = 'lookup', conns = '8', seconds = '5'] = process.argv.slice(2);
if (!pid) throw new Error('usage: perf-cpu.ts <pid> [arm question connections seconds]');

/** utime + stime of a process, in ms (clock ticks are 10 ms on Linux). */
function cpuMs(of = pid): number {
  const fields = readFileSync(`/proc/${of}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
// PERF_NEO4J_PID: also report the Neo4j server's CPU per request (what the arm's statements cost it).
const neo4jPid = process.env.PERF_NEO4J_PID;

const driver = profilingDriver();
const params = await chooseParams(driver, 'neo4j');
await driver.close();
const request = armRequest(arm as ArmName, question as QuestionName, params);
const url = `http://127.0.0.1:${devSetting('BENCH_DEV_API_PORT')}`;
await measure(url, request, Number(conns), 0, 1); // warm-up
const before = cpuMs();
const neo4jBefore = neo4jPid ? cpuMs(neo4jPid) : 0;
const result = await measure(url, request, Number(conns), 0, Number(seconds));
const used = cpuMs() - before;
const neo4jUsed = neo4jPid ? cpuMs(neo4jPid) - neo4jBefore : 0;
console.log(
  arm,
  question,
  `cpu ${(used / result.requests).toFixed(2)} ms/request`,
  neo4jPid ? `neo4j ${(neo4jUsed / result.requests).toFixed(2)} ms/request` : '',
  JSON.stringify(result),
);
