/**
 * Where a batch's time goes: building parameters, the statements (entity read + write), the
 * commit. Batches of new articles from a corpus, written and committed on the graph as it is.
 *   npx tsx bench/dev/seedperf-commit.ts <corpus dir> <batch size>
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { planCorpus } from '../../src/seed/index.js';
import { writeNewArticles } from '../../src/seed/write.js';
import { SEEDPERF, startSeedperfNeo4j } from './seedperf-server.js';

const [corpus, sizeArg] = process.argv.slice(2);
if (corpus === undefined) throw new Error('usage: seedperf-commit.ts <corpus dir> <batch size>');
const size = Number(sizeArg ?? 50);
const paths = readdirSync(corpus)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => path.join(corpus, f));
let t = performance.now();
const plans = planCorpus(paths);
console.log(
  `validate + plan: ${((performance.now() - t) / plans.length).toFixed(2)} ms per article`,
);
const server = await startSeedperfNeo4j();
const driver = neo4j.driver(
  `bolt://localhost:${SEEDPERF.boltPort}`,
  neo4j.auth.basic('neo4j', SEEDPERF.password),
);
const session = driver.session({ database: 'neo4j' });
for (let from = 0; from < plans.length; from += size) {
  const batch = plans.slice(from, from + size);
  const tx = await session.beginTransaction();
  t = performance.now();
  // A managed transaction is an explicit one without commit/rollback: same run().
  await writeNewArticles(tx as unknown as ManagedTransaction, batch);
  const statement = performance.now() - t;
  t = performance.now();
  await tx.commit();
  const commit = performance.now() - t;
  console.log(
    `batch of ${batch.length}: statements ${(statement / batch.length).toFixed(2)} ms, commit ${(commit / batch.length).toFixed(2)} ms per article`,
  );
}
await session.close();
await driver.close();
if (server.started) await server.stop();
