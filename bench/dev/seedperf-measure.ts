/**
 * Seeder throughput, end to end (issue 3): prints the time to validate+plan a corpus, to seed
 * it into an empty graph, to re-run it (all skipped), and to force-rewrite it.
 * Needs bench/dev/seedperf-server.ts running.
 *   npx tsx bench/dev/seedperf-measure.ts /tmp/seedperf-c1000 [--no-force]
 */
import neo4j from 'neo4j-driver';
import { planCorpus, seedCorpus } from '../../src/seed/index.js';
import { SEEDPERF } from './seedperf-server.js';

const corpus = process.argv[2];
if (corpus === undefined) throw new Error('usage: seedperf-measure.ts <corpus dir> [--no-force]');
const driver = neo4j.driver(
  `bolt://localhost:${SEEDPERF.boltPort}`,
  neo4j.auth.basic('neo4j', SEEDPERF.password),
);
const database = 'neo4j';

async function timed<T>(label: string, work: () => Promise<T> | T): Promise<T> {
  const start = performance.now();
  const out = await work();
  console.log(`${label.padEnd(34)} ${((performance.now() - start) / 1000).toFixed(2)} s`);
  return out;
}

// CALL … IN TRANSACTIONS needs an auto-commit transaction (session.run).
const clearing = driver.session({ database });
await clearing.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
await clearing.close();
const plans = await timed('validate + plan', () => planCorpus([corpus]));
console.log(`articles                           ${plans.length}`);
const first = await timed('seed into empty graph', () =>
  seedCorpus(driver, { database, paths: [corpus] }),
);
console.log(
  `  created: ${first.counters.nodesCreated} nodes, ${first.counters.relationshipsCreated} relationships`,
);
const again = await timed('second run (hash skip)', () =>
  seedCorpus(driver, { database, paths: [corpus] }),
);
console.log(`  changes: ${JSON.stringify(again.counters)}`);
if (!process.argv.includes('--no-force')) {
  const forced = await timed('forced rewrite (nothing stale)', () =>
    seedCorpus(driver, { database, paths: [corpus], force: true }),
  );
  console.log(
    `  created ${forced.counters.nodesCreated} nodes / ${forced.counters.relationshipsCreated} rels, removed ${forced.counters.nodesDeleted} / ${forced.counters.relationshipsDeleted}`,
  );
}
await driver.close();
