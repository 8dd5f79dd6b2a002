/**
 * Measures: the seeder against LOAD CSV on the same data, as the bench does (elements/s of each
 * and their ratio), on the profiling Neo4j alone (profiling-neo4j.ts: started for the run if it
 * is down). With BENCH_DEV_* set (profiling-neo4j.ts):
 *   npx tsx bench/dev/seedperf-vs-csv.ts <corpus dir> [--from K] [--count N] [--no-csv] [--force]
 *     [--articles A] [--rows R]   (batch limits; default: the seeder's)
 *     [--repeat R]   (each side run R times from the same starting graph; the best counts)
 *     [--threads T]  (validation worker threads; default: the seeder's)
 * The first K articles are seeded untimed (the bench seeds each scale on top of the previous);
 * articles K..N are timed through seedCorpus (validation + plan + write, as in the bench), the
 * graph they added is dumped, the graph is rebuilt up to K and the dump is LOAD CSV'd, timed.
 * --force also times a forced rewrite of the timed articles (the update path).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { applyGraphSchema } from '../../src/graph/schema.js';
import { seedCorpus } from '../../src/seed/index.js';
import { clearDatabase } from '../seeding/clear.js';
import { dumpGraph, dumpIncrement, type GraphDump } from '../seeding/dump.js';
import { exportCsv, runLoadCsv } from '../seeding/load-csv.js';
import { PROFILING_HOME, profilingDriver, startProfilingNeo4j } from './profiling-neo4j.js';

const args = process.argv.slice(2);
const corpus = args[0];
if (corpus === undefined)
  throw new Error('usage: seedperf-vs-csv.ts <corpus dir> [--from K] [--count N] [--no-csv]');
const option = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i < 0 ? fallback : Number(args[i + 1]);
};
const paths = readdirSync(corpus)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => path.join(corpus, f));
const from = option('--from', 0);
const to = Math.min(paths.length, from + option('--count', paths.length));
const database = 'neo4j';
// Started here unless one is running already (then left running).
const server = await startProfilingNeo4j();
const driver = profilingDriver();
const seconds = (ms: number) => (ms / 1000).toFixed(2);

/** Relationships first, in batches: a node with 100,000 of them deleted at once exceeds the memory pool. */
async function clearGraph(): Promise<void> {
  const session = driver.session({ database });
  try {
    await session.run('MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
  }
  await clearDatabase(driver, database);
}

async function rebuildPrefix(): Promise<void> {
  await clearGraph();
  await applyGraphSchema(driver, database);
  if (from > 0) await seedCorpus(driver, { database, paths: paths.slice(0, from) });
}

const tuning = {
  ...(args.includes('--threads') ? { validation: { threads: option('--threads', 0) } } : {}),
  batch: {
    ...(args.includes('--articles') ? { maxArticles: option('--articles', 0) } : {}),
    ...(args.includes('--rows') ? { maxRows: option('--rows', 0) } : {}),
  },
};
// The machine is shared and the JVM warms up: each side is run `repeat` times, best kept.
const repeat = option('--repeat', 1);
const timed = paths.slice(from, to);
let added: GraphDump | undefined;
let seederMs = Infinity;
for (let round = 1; round <= repeat; round++) {
  await rebuildPrefix();
  const before = await dumpGraph(driver, database);
  const t = performance.now();
  let firstLine: number | undefined;
  const report = await seedCorpus(driver, {
    database,
    paths: timed,
    ...tuning,
    log: () => (firstLine ??= performance.now()),
  });
  const ms = performance.now() - t;
  // The first report line comes after validation, the schema and hash reads and one batch.
  console.log(`  first article written after ${seconds((firstLine ?? t) - t)} s`);
  seederMs = Math.min(seederMs, ms);
  added = dumpIncrement(before, await dumpGraph(driver, database));
  const elements = added.nodes.length + added.rels.length;
  console.log(
    `seeder (round ${round}): ${report.articles.length} articles (${from}..${to}), ${elements} elements in ${seconds(ms)} s = ${Math.round((elements / ms) * 1000)} elements/s`,
  );
}
if (added === undefined) throw new Error('--repeat must be at least 1');
const elements = added.nodes.length + added.rels.length;
const seederEps = (elements / seederMs) * 1000;

if (args.includes('--force')) {
  const t = performance.now();
  const forced = await seedCorpus(driver, { database, paths: timed, force: true });
  const c = forced.counters;
  console.log(
    `forced rewrite: ${seconds(performance.now() - t)} s; created ${c.nodesCreated}/${c.relationshipsCreated}, removed ${c.nodesDeleted}/${c.relationshipsDeleted}`,
  );
}

if (!args.includes('--no-csv')) {
  const statements = exportCsv(added, path.join(PROFILING_HOME, 'import'), 'seedperf');
  let csvMs = Infinity;
  for (let round = 1; round <= repeat; round++) {
    await rebuildPrefix();
    const t = performance.now();
    const written = await runLoadCsv(driver, database, statements);
    const ms = performance.now() - t;
    csvMs = Math.min(csvMs, ms);
    console.log(
      `LOAD CSV (round ${round}): ${written} elements in ${seconds(ms)} s = ${Math.round((written / ms) * 1000)} elements/s`,
    );
  }
  const csvEps = (elements / csvMs) * 1000;
  console.log(
    `best: seeder ${Math.round(seederEps)} elements/s, LOAD CSV ${Math.round(csvEps)} elements/s, seeder / LOAD CSV = ${(seederEps / csvEps).toFixed(2)}`,
  );
} else console.log(`best: seeder ${Math.round(seederEps)} elements/s`);
await driver.close();
if (server.started) await server.stop();
