/**
 * Performance work: median time of single statements against the profiling Neo4j (session +
 * executeRead, like the executor), and their plan operators.
 * `npx tsx bench/dev/perf-cypher.ts`
 */
import neo4j, { type Plan } from 'neo4j-driver';
import { nodesByIds } from '../../src/graph/nodes.js';
import { relatedNodes } from '../../src/graph/relations.js';
import { chooseParams } from '../questions/choose.js';

const driver = neo4j.driver(
  'bolt://127.0.0.1:58687',
  neo4j.auth.basic('neo4j', 'togys-perf-password'),
);
const p = await chooseParams(driver, 'neo4j');

const statements: Array<[string, { cypher: string; params: Record<string, unknown> }]> = [
  ['RETURN 1', { cypher: 'RETURN 1 AS x', params: {} }],
  [
    'person by label',
    { cypher: 'MATCH (n:Person {id: $id}) RETURN n', params: { id: p.personId } },
  ],
  ['nodesByIds (union)', nodesByIds([p.personId])],
  [
    'personOffices',
    relatedNodes({ relation: 'personOffices', relProps: true, nodeProps: true }, [p.personId]),
  ],
];

function operators(plan: Plan): string[] {
  return [plan.operatorType, ...plan.children.flatMap(operators)];
}

for (const [name, q] of statements) {
  const explained = await driver.executeQuery(`EXPLAIN ${q.cypher}`, q.params, {
    database: 'neo4j',
  });
  const plan = explained.summary.plan;
  const median = async (autoCommit: boolean) => {
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      const session = driver.session({ database: 'neo4j', defaultAccessMode: neo4j.session.READ });
      const t = performance.now();
      if (autoCommit) await session.run(q.cypher, q.params, { timeout: 10_000 });
      else await session.executeRead((tx) => tx.run(q.cypher, q.params), { timeout: 10_000 });
      times.push(performance.now() - t);
      await session.close();
    }
    return times.sort((a, b) => a - b)[100]!.toFixed(2);
  };
  console.log(
    name.padEnd(22),
    `p50 executeRead ${await median(false)} ms, auto-commit ${await median(true)} ms`,
    plan ? operators(plan).join(' ') : '',
  );
}
await driver.close();
