/**
 * Performance work: PROFILE of one statement the API sends (db hits and rows per operator) and
 * its median time, on the profiling Neo4j. Reads the statement from a debug log line's JSON
 * (`{"cypher": …}`) on stdin, with the parameters given as JSON in argv[2].
 */
import { readFileSync } from 'node:fs';
import neo4j, { type ProfiledPlan } from 'neo4j-driver';

const line = JSON.parse(readFileSync(0, 'utf8')) as { cypher: string };
const params = JSON.parse(process.argv[2] ?? '{}') as Record<string, unknown>;
const driver = neo4j.driver(
  'bolt://127.0.0.1:58687',
  neo4j.auth.basic('neo4j', 'togys-perf-password'),
);
const print = (p: ProfiledPlan, depth = 0): void => {
  console.log(`${'  '.repeat(depth)}${p.operatorType} rows=${p.rows} dbHits=${p.dbHits}`);
  for (const c of p.children) print(c, depth + 1);
};
const profiled = await driver.executeQuery(`PROFILE ${line.cypher}`, params, { database: 'neo4j' });
if (profiled.summary.profile) print(profiled.summary.profile);
const times: number[] = [];
for (let i = 0; i < 30; i++) {
  const t = performance.now();
  await driver.executeQuery(line.cypher, params, { database: 'neo4j' });
  times.push(performance.now() - t);
}
console.log('p50', times.sort((a, b) => a - b)[15]!.toFixed(2), 'ms');
await driver.close();
