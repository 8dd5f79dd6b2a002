/**
 * Performance work: fires one bench question at an arm, e.g.
 * `npx tsx bench/dev/perf-load.ts B lookup 8 5 [port]` (arm, question, connections, seconds).
 * Parameters are chosen from the profiling Neo4j like the bench chooses them.
 */
import neo4j from 'neo4j-driver';
import { measure } from '../load.js';
import { chooseParams } from '../questions/choose.js';
import { armRequest, type ArmName } from '../questions/operations.js';
import type { QuestionName } from '../questions/params.js';

const [arm = 'B', question = 'lookup', conns = '8', seconds = '5', port = '58900'] =
  process.argv.slice(2);
const driver = neo4j.driver(
  process.env.PERF_BOLT ?? 'bolt://127.0.0.1:58687',
  neo4j.auth.basic('neo4j', process.env.PERF_PASSWORD ?? 'togys-perf-password'),
);
const params = await chooseParams(driver, 'neo4j');
await driver.close();
const result = await measure(
  `http://127.0.0.1:${port}`,
  armRequest(arm as ArmName, question as QuestionName, params),
  Number(conns),
  0.5,
  Number(seconds),
);
console.log(arm, question, JSON.stringify(result));
