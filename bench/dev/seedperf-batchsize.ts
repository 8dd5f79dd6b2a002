/**
 * Measures: the seeder's new-article statement, time per article at several batch sizes (each
 * rolled back), on a graph holding the first K articles; with `profile`, the operators with the
 * most db hits (the source of src/seed/batches.ts's sizes). With BENCH_DEV_* set
 * (profiling-neo4j.ts; the Neo4j is started for the run if it is down):
 *   npx tsx bench/dev/seedperf-batchsize.ts <corpus dir> <K|keep> <size,size,…> [profile]
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { ProfiledPlan } from 'neo4j-driver';
import { applyGraphSchema } from '../../src/graph/schema.js';
import { planCorpus, seedCorpus } from '../../src/seed/index.js';
import { nodeStatements, relationshipStatements } from '../../src/seed/statement.js';
import { clearDatabase } from '../seeding/clear.js';
import { profilingDriver, startProfilingNeo4j } from './profiling-neo4j.js';

const [corpus, prefixArg, sizesArg, mode] = process.argv.slice(2);
if (corpus === undefined || prefixArg === undefined || sizesArg === undefined)
  throw new Error('usage: seedperf-batchsize.ts <corpus dir> <K> <size,size,…> [profile]');
const paths = readdirSync(corpus)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => path.join(corpus, f));
const prefix = prefixArg === 'keep' ? 0 : Number(prefixArg);
const sizes = sizesArg.split(',').map(Number);
const server = await startProfilingNeo4j();
const driver = profilingDriver();
const database = 'neo4j';
// K = keep: measure on the graph as it is (articles of the corpus not in it yet).
if (prefixArg !== 'keep') {
  await clearDatabase(driver, database);
  await applyGraphSchema(driver, database);
  await seedCorpus(driver, { database, paths: paths.slice(0, prefix) });
}
const plans = planCorpus(paths.slice(prefix, prefix + Math.max(...sizes)));

function walk(plan: ProfiledPlan, out: Array<{ op: string; hits: number; rows: number }>) {
  out.push({ op: plan.operatorType, hits: plan.dbHits, rows: plan.rows });
  for (const child of plan.children) walk(child, out);
}

const session = driver.session({ database });
for (let repeat = 0; repeat < 2; repeat++) {
  for (const size of sizes) {
    const tx = await session.beginTransaction();
    const t = performance.now();
    const batch = plans.slice(0, size);
    const profile = mode === 'profile' ? 'PROFILE ' : '';
    const results = [];
    const elementIds = new Map<string, string>();
    for (const s of nodeStatements(batch, true)) {
      const result = await tx.run(profile + s.cypher, s.params);
      for (const r of result.records)
        elementIds.set(r.get('key') as string, r.get('elementId') as string);
      results.push(result);
    }
    for (const s of relationshipStatements(batch, true, elementIds))
      results.push(await tx.run(profile + s.cypher, s.params));
    const ms = performance.now() - t;
    await tx.rollback();
    console.log(`batch ${String(size).padStart(4)}: ${(ms / size).toFixed(2)} ms per article`);
    if (mode === 'profile' && repeat === 1) {
      const ops: Array<{ op: string; hits: number; rows: number }> = [];
      for (const result of results) if (result.summary.profile) walk(result.summary.profile, ops);
      for (const o of ops.sort((a, b) => b.hits - a.hits).slice(0, 8))
        console.log(`    ${o.op.padEnd(40)} ${o.hits} hits ${o.rows} rows`);
    }
  }
}
await session.close();
await driver.close();
if (server.started) await server.stop();
