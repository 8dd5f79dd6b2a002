/**
 * Where an article's write time goes: statement vs commit, for articles not yet in the graph
 * (each rolled back or committed as asked).
 *   npx tsx bench/dev/seedperf-split.ts <corpus dir> <from> <count> [commit]
 */
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { planCorpus } from '../../src/seed/index.js';
import { writeNewArticles } from '../../src/seed/write.js';
import { SEEDPERF } from './seedperf-server.js';

const [corpus, fromArg, countArg, mode] = process.argv.slice(2);
if (corpus === undefined)
  throw new Error('usage: seedperf-split.ts <corpus> <from> <count> [commit]');
const plans = planCorpus([corpus]).slice(Number(fromArg), Number(fromArg) + Number(countArg));
const driver = neo4j.driver(
  `bolt://localhost:${SEEDPERF.boltPort}`,
  neo4j.auth.basic('neo4j', SEEDPERF.password),
);
const session = driver.session({ database: 'neo4j' });
let run = 0;
const each: number[] = [];
let end = 0;
for (const plan of plans) {
  const tx = await session.beginTransaction();
  const t0 = performance.now();
  // A managed transaction is an explicit one without commit/rollback: same run().
  await writeNewArticles(tx as unknown as ManagedTransaction, [plan]);
  const t1 = performance.now();
  if (mode === 'commit') await tx.commit();
  else await tx.rollback();
  run += t1 - t0;
  each.push(t1 - t0);
  end += performance.now() - t1;
}
const n = plans.length;
console.log(
  `per article: statement ${(run / n).toFixed(1)} ms, ${mode ?? 'rollback'} ${(end / n).toFixed(1)} ms`,
);
each.sort((a, b) => a - b);
console.log(
  `statement p50 ${each[Math.floor(n / 2)]?.toFixed(1)} ms, p90 ${each[Math.floor(n * 0.9)]?.toFixed(1)} ms, max ${each[n - 1]?.toFixed(1)} ms`,
);
await session.close();
await driver.close();
