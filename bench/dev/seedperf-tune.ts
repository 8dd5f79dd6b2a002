/**
 * Measures: the seeder's batch limits for new articles, compared in one process (the source of
 * src/seed/index.ts's limits). For each round,
 * every configuration seeds the same articles onto the same starting graph, so drift in the
 * machine's load hits all of them alike. Prints seconds per round and the median per config.
 *   npx tsx bench/dev/seedperf-tune.ts <corpus dir> --from K --rounds R  A:R [A:R …]
 * where A:R is max articles : max planned rows per batch (e.g. 50:5000 100:10000 1:5000), with
 * BENCH_DEV_* set (profiling-neo4j.ts; the Neo4j is started for the run if it is down).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { applyGraphSchema } from '../../src/graph/schema.js';
import { seedCorpus } from '../../src/seed/index.js';
import { clearDatabase } from '../seeding/clear.js';
import { profilingDriver, startProfilingNeo4j } from './profiling-neo4j.js';

const args = process.argv.slice(2);
const corpus = args[0];
if (corpus === undefined)
  throw new Error('usage: seedperf-tune.ts <corpus dir> --from K --rounds R A:R [A:R …]');
const option = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i < 0 ? fallback : Number(args[i + 1]);
};
const configs = args
  .filter((a) => /^\d+:\d+$/.test(a))
  .map((a) => {
    const [maxArticles, maxRows] = a.split(':').map(Number) as [number, number];
    return { name: a, maxArticles, maxRows };
  });
const paths = readdirSync(corpus)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => path.join(corpus, f));
const from = option('--from', 0);
const rounds = option('--rounds', 3);
const database = 'neo4j';
const server = await startProfilingNeo4j();
const driver = profilingDriver();

const times = new Map<string, number[]>(configs.map((c) => [c.name, []]));
for (let round = 1; round <= rounds; round++) {
  for (const c of configs) {
    await clearDatabase(driver, database);
    await applyGraphSchema(driver, database);
    if (from > 0) await seedCorpus(driver, { database, paths: paths.slice(0, from) });
    const t = performance.now();
    await seedCorpus(driver, {
      database,
      paths: paths.slice(from),
      batch: { maxArticles: c.maxArticles, maxRows: c.maxRows },
    });
    const s = (performance.now() - t) / 1000;
    times.get(c.name)?.push(s);
    console.log(`round ${round} ${c.name.padEnd(11)} ${s.toFixed(2)} s`);
  }
}
for (const [name, list] of times) {
  const sorted = [...list].sort((a, b) => a - b);
  console.log(
    `${name.padEnd(11)} median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(2)} s, best ${sorted[0]?.toFixed(2)} s`,
  );
}
await driver.close();
if (server.started) await server.stop();
