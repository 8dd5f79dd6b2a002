/**
 * Performance work: CPU milliseconds the server process spends per request (from
 * /proc/<pid>/stat, so it holds even on a busy machine), e.g.
 * `npx tsx bench/dev/perf-cpu.ts <serverPid> B lookup 8 5 58900`.
 */
import { readFileSync } from 'node:fs';
import neo4j from 'neo4j-driver';
import { measure } from '../load.js';
import { chooseParams } from '../questions/choose.js';
import { armRequest, type ArmName } from '../questions/operations.js';
import type { QuestionName } from '../questions/params.js';

const [pid, arm = 'B', question = 'lookup', conns = '8', seconds = '5', port = '58900'] =
  process.argv.slice(2);
if (!pid) throw new Error('usage: perf-cpu.ts <pid> [arm question connections seconds port]');

/** utime + stime of a process, in ms (clock ticks are 10 ms on Linux). */
function cpuMs(of = pid): number {
  const fields = readFileSync(`/proc/${of}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
// PERF_NEO4J_PID: also report the Neo4j server's CPU per request (what the arm's statements cost it).
const neo4jPid = process.env.PERF_NEO4J_PID;

const driver = neo4j.driver(
  process.env.PERF_BOLT ?? 'bolt://127.0.0.1:58687',
  neo4j.auth.basic('neo4j', process.env.PERF_PASSWORD ?? 'togys-perf-password'),
);
const params = await chooseParams(driver, 'neo4j');
await driver.close();
const request = armRequest(arm as ArmName, question as QuestionName, params);
const url = `http://127.0.0.1:${port}`;
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
