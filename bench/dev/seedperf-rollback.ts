/**
 * Steady-state cost of writing new articles: batches of `size` articles after the first
 * `from` of a corpus, written with the seeder's writer and rolled back, `rounds` times, on
 * the running seedperf Neo4j as it is (the graph should hold the first `from` articles).
 * Prints ms per article for each round: to compare write paths on one warm server.
 *   npx tsx bench/dev/seedperf-rollback.ts <corpus dir> <from> [size 50] [batches 4] [rounds 3]
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { planCorpus } from '../../src/seed/index.js';
import { writeNewArticles } from '../../src/seed/write.js';
import { SEEDPERF } from './seedperf-server.js';

const [corpus, fromArg, sizeArg = '50', batchesArg = '4', roundsArg = '3'] = process.argv.slice(2);
if (corpus === undefined || fromArg === undefined)
  throw new Error('usage: seedperf-rollback.ts <corpus dir> <from> [size] [batches] [rounds]');
const [from, size, batches, rounds] = [fromArg, sizeArg, batchesArg, roundsArg].map(Number) as [
  number,
  number,
  number,
  number,
];
const files = readdirSync(corpus)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => path.join(corpus, f));
const plans = planCorpus(files.slice(from, from + size * batches));
const driver = neo4j.driver(
  `bolt://localhost:${SEEDPERF.boltPort}`,
  neo4j.auth.basic('neo4j', SEEDPERF.password),
);
const session = driver.session({ database: 'neo4j' });
for (let round = 1; round <= rounds; round++) {
  let ms = 0;
  for (let b = 0; b < batches; b++) {
    const tx = await session.beginTransaction();
    const t = performance.now();
    // A managed transaction is an explicit one without commit/rollback: same run().
    await writeNewArticles(
      tx as unknown as ManagedTransaction,
      plans.slice(b * size, (b + 1) * size),
    );
    ms += performance.now() - t;
    await tx.rollback();
  }
  console.log(`round ${round}: ${(ms / plans.length).toFixed(2)} ms per article`);
}
await session.close();
await driver.close();
