/**
 * The plans of the seeder's write statements (EXPLAIN on the running seedperf Neo4j), with
 * their Eager operators: an Eager materialises every row of a batch before going on.
 *   npx tsx bench/dev/seedperf-explain.ts
 */
import neo4j, { type Plan } from 'neo4j-driver';
import { WRITE_STATEMENTS } from '../../src/seed/statement.js';
import { SEEDPERF } from './seedperf-server.js';

const driver = neo4j.driver(
  `bolt://localhost:${SEEDPERF.boltPort}`,
  neo4j.auth.basic('neo4j', SEEDPERF.password),
);
const show = (p: Plan, depth = 0): string =>
  `${'  '.repeat(depth)}${p.operatorType} ${String(p.arguments.Details ?? '').slice(0, 100)}\n` +
  p.children.map((c) => show(c, depth + 1)).join('');
const statements = process.argv.length > 2 ? process.argv.slice(2) : WRITE_STATEMENTS;
for (const cypher of statements) {
  const { summary } = await driver.executeQuery(`EXPLAIN ${cypher}`, { rows: [] });
  console.log(cypher.split('\n').slice(1, 3).join(' '));
  if (summary.plan) console.log(show(summary.plan));
}
await driver.close();
