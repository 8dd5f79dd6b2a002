/** Development: node/relationship counts of the bench graph and its LOAD CSV copy, side by side. */
import neo4j from 'neo4j-driver';
import { startBenchNeo4j } from '../neo4j.js';
import { graphCounts } from '../seeding/clear.js';

const [main, baseline] = await Promise.all([
  startBenchNeo4j(() => {}, 'main'),
  startBenchNeo4j(() => {}, 'baseline'),
]);
try {
  const counts = [];
  for (const s of [main, baseline]) {
    const d = neo4j.driver(s.settings.uri, neo4j.auth.basic('neo4j', s.settings.password));
    counts.push(await graphCounts(d, 'neo4j'));
    await d.close();
  }
  const [a, b] = counts as [Record<string, number>, Record<string, number>];
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)]))
    if (a[k] !== b[k]) console.log(k, a[k], b[k]);
} finally {
  await Promise.all([main.server.stop(), baseline.server.stop()]);
}
