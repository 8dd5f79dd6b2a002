/**
 * Seeder vs LOAD CSV on the same data, as the bench measures them (issue 5), on the seedperf
 * Neo4j (bench/dev/seedperf-server.ts) alone: elements/s of each and their ratio.
 *   npx tsx bench/dev/seedperf-vs-csv.ts <corpus dir> [--from K] [--count N] [--no-csv] [--force]
 * The first K articles are seeded untimed (the bench seeds each scale on top of the previous);
 * articles K..N are timed through seedCorpus (validation + plan + write, as in the bench), the
 * graph they added is dumped, the graph is rebuilt up to K and the dump is LOAD CSV'd, timed.
 * --force also times a forced rewrite of the timed articles (the update path).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { applyGraphSchema } from '../../src/graph/schema.js';
import { LOCAL_NEO4J_ROOT } from '../../src/neo4j-local/provision.js';
import { seedCorpus } from '../../src/seed/index.js';
import { clearDatabase } from '../seeding/clear.js';
import { dumpGraph, dumpIncrement } from '../seeding/dump.js';
import { exportCsv, runLoadCsv } from '../seeding/load-csv.js';
import { SEEDPERF } from './seedperf-server.js';

const args = process.argv.slice(2);
const corpus = args[0];
if (corpus === undefined)
  throw new Error('usage: seedperf-vs-csv.ts <corpus dir> [--from K] [--count N] [--no-csv]');
const option = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i < 0 ? fallback : Number(args[i + 1]);
};
const files = readdirSync(corpus)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => path.join(corpus, f));
const from = option('--from', 0);
const to = Math.min(files.length, from + option('--count', files.length));
const database = 'neo4j';
const driver = neo4j.driver(
  `bolt://localhost:${SEEDPERF.boltPort}`,
  neo4j.auth.basic('neo4j', SEEDPERF.password),
);
const seconds = (ms: number) => (ms / 1000).toFixed(2);

async function rebuildPrefix(): Promise<void> {
  await clearDatabase(driver, database);
  await applyGraphSchema(driver, database);
  if (from > 0) await seedCorpus(driver, { database, paths: files.slice(0, from) });
}

await rebuildPrefix();
const before = await dumpGraph(driver, database);
let t = performance.now();
const report = await seedCorpus(driver, { database, paths: files.slice(from, to) });
const seederMs = performance.now() - t;
const added = dumpIncrement(before, await dumpGraph(driver, database));
const elements = added.nodes.length + added.rels.length;
const seederEps = (elements / seederMs) * 1000;
console.log(
  `seeder: ${report.articles.length} articles (${from}..${to}), ${elements} elements in ${seconds(seederMs)} s = ${Math.round(seederEps)} elements/s`,
);

if (args.includes('--force')) {
  t = performance.now();
  const forced = await seedCorpus(driver, { database, paths: files.slice(from, to), force: true });
  const c = forced.counters;
  console.log(
    `forced rewrite: ${seconds(performance.now() - t)} s; created ${c.nodesCreated}/${c.relationshipsCreated}, removed ${c.nodesDeleted}/${c.relationshipsDeleted}`,
  );
}

if (!args.includes('--no-csv')) {
  await rebuildPrefix();
  const statements = exportCsv(
    added,
    path.join(LOCAL_NEO4J_ROOT, 'seedperf', 'import'),
    'seedperf',
  );
  t = performance.now();
  const written = await runLoadCsv(driver, database, statements);
  const csvMs = performance.now() - t;
  const csvEps = (elements / csvMs) * 1000;
  console.log(
    `LOAD CSV: ${written} elements in ${seconds(csvMs)} s = ${Math.round(csvEps)} elements/s`,
  );
  console.log(`seeder / LOAD CSV = ${(seederEps / csvEps).toFixed(2)}`);
}
await driver.close();
