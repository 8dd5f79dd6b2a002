/**
 * Performance work: CPU milliseconds per request of any GraphQL operation against a running
 * server, e.g. `npx tsx bench/dev/perf-cpu-op.ts <pid> <port> '{ __typename }' [connections seconds]`
 * (the fixed cost of HTTP + Apollo + execution when no Cypher runs).
 */
import { readFileSync } from 'node:fs';
import { measure } from '../load.js';

const [pid, port, query = '{ __typename }', conns = '4', seconds = '4'] = process.argv.slice(2);
if (!pid || !port)
  throw new Error('usage: perf-cpu-op.ts <pid> <port> [query connections seconds]');

/** utime + stime of a process, in ms (clock ticks are 10 ms on Linux). */
function cpuMs(): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

const request = { path: '/graphql', body: JSON.stringify({ query }) };
const url = `http://127.0.0.1:${port}`;
await measure(url, request, Number(conns), 0, 1); // warm-up
const before = cpuMs();
const result = await measure(url, request, Number(conns), 0, Number(seconds));
console.log(
  `cpu ${((cpuMs() - before) / result.requests).toFixed(3)} ms/request`,
  JSON.stringify(result),
);
