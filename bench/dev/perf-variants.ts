/**
 * Performance work: median time of statement variants for the lookup question on the profiling
 * Neo4j (which part of a statement costs what). `npx tsx bench/dev/perf-variants.ts`
 */
import neo4j from 'neo4j-driver';
import { nodesWithRelated, relatedNodes } from '../../src/graph/relations.js';

const driver = neo4j.driver(
  'bolt://127.0.0.1:58687',
  neo4j.auth.basic('neo4j', 'togys-perf-password'),
);
const id = 'person/zhanar-bezekiuly-0';
const variants: Array<[string, string, Record<string, unknown>]> = [
  [
    'nodesWithRelated',
    nodesWithRelated(
      [id],
      [{ fetch: { relation: 'personOffices', relProps: true, nodeProps: true }, children: [] }],
    ).cypher,
    { ids: [id] },
  ],
  [
    'relatedNodes',
    relatedNodes({ relation: 'personOffices', relProps: true, nodeProps: true }, [id]).cypher,
    { anchorIds: [id] },
  ],
  [
    'ids only',
    'MATCH (a:Person {id: $id})-[r:HOLDS_OFFICE]->(b:Office) RETURN collect(b.id) AS ids',
    { id },
  ],
  [
    'rels, no sort',
    'MATCH (a:Person {id: $id})-[r:HOLDS_OFFICE]->(b:Office) RETURN collect(r) AS rs',
    { id },
  ],
  [
    'rel props',
    'MATCH (a:Person {id: $id})-[r:HOLDS_OFFICE]->(b:Office) RETURN collect(properties(r)) AS rs',
    { id },
  ],
  ['count', 'MATCH (a:Person {id: $id})-[r:HOLDS_OFFICE]->(b:Office) RETURN count(r) AS n', { id }],
];
for (const [name, cypher, params] of variants) {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 60; i++) {
    const session = driver.session({ database: 'neo4j', defaultAccessMode: neo4j.session.READ });
    const t = performance.now();
    const r = await session.run(cypher, params);
    times.push(performance.now() - t);
    bytes = JSON.stringify(r.records.map((x) => x.toObject())).length;
    await session.close();
  }
  times.sort((a, b) => a - b);
  console.log(name.padEnd(18), `p50 ${times[30]!.toFixed(2)} ms`, `~${bytes} bytes as JSON`);
}
await driver.close();
