/**
 * What the first batch costs on a FRESH Neo4j (new JVM, empty query cache, empty store), as
 * the bench's 100-article scale sees it: for each variant, the seedperf server is started on
 * a fresh store, the schema applied, then two batches of new articles are written (each rolled
 * back) and timed; the first pays the plans' compile, the second shows the warm cost.
 *   npx tsx bench/dev/seedperf-compile.ts <corpus dir> [--size 50] [--rounds 1] cold warm …
 * Variants: cold (the batches straight away), warm (the seeder's plan warm-up first).
 * Stops a seedperf server it finds running only if it started it; refuses to run otherwise.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import neo4j, { type Driver, type ManagedTransaction, type Transaction } from 'neo4j-driver';
import { applyGraphSchema } from '../../src/graph/schema.js';
import { isPortOpen } from '../../src/neo4j-local/server.js';
import { LOCAL_NEO4J_ROOT } from '../../src/neo4j-local/provision.js';
import { planCorpus } from '../../src/seed/index.js';
import type { ArticlePlan } from '../../src/seed/plan.js';
import {
  nodeStatements,
  relationshipStatements,
  type WriteStatement,
} from '../../src/seed/statement.js';
import { warmWritePlans } from '../../src/seed/warm.js';
import { writeNewArticles } from '../../src/seed/write.js';
import { SEEDPERF, startSeedperfNeo4j } from './seedperf-server.js';

const args = process.argv.slice(2);
const corpus = args[0];
if (corpus === undefined) throw new Error('usage: seedperf-compile.ts <corpus dir> [variants…]');
const option = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i < 0 ? fallback : Number(args[i + 1]);
};
const size = option('--size', 50);
const rounds = option('--rounds', 1);
const variants = args
  .slice(1)
  .filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
if (await isPortOpen(SEEDPERF.boltPort))
  throw new Error(
    `a Neo4j is already up on ${SEEDPERF.boltPort}: stop it (this script needs fresh ones)`,
  );

const files = readdirSync(corpus)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => path.join(corpus, f));
const plans = planCorpus(files.slice(0, 2 * size));
const batches = [plans.slice(0, size), plans.slice(size, 2 * size)];

/** utime + stime of the seedperf JVM, in ms: holds on a busy machine where wall time does not. */
function serverCpuMs(): number {
  const pid = execFileSync('pgrep', ['-f', `home-dir=${path.join(LOCAL_NEO4J_ROOT, 'seedperf')}`], {
    encoding: 'utf8',
  }).trim();
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Writes a batch of new articles the way the seeder does; `detail`: its statements one at a time. */
async function writeBatch(tx: Transaction, batch: readonly ArticlePlan[], detail: string[]) {
  if (!args.includes('--detail')) {
    // A managed transaction is an explicit one without commit/rollback: same run().
    await writeNewArticles(tx as unknown as ManagedTransaction, batch);
    return;
  }
  const timed = async (s: WriteStatement) => {
    const cpu = serverCpuMs();
    const t = performance.now();
    const result = await tx.run(s.cypher, s.params);
    detail.push(
      `${s.cypher.split('\n')[2]?.slice(0, 30)}: ${Math.round(performance.now() - t)} ms (cpu ${serverCpuMs() - cpu})`,
    );
    return result;
  };
  const elementIds = new Map<string, string>();
  for (const s of nodeStatements(batch, true))
    for (const r of (await timed(s)).records)
      elementIds.set(r.get('key') as string, r.get('elementId') as string);
  for (const s of relationshipStatements(batch, true, elementIds)) await timed(s);
}

const timedStep = async <T>(name: string, out: string[], step: () => Promise<T>): Promise<T> => {
  const cpu = serverCpuMs();
  const t = performance.now();
  const value = await step();
  out.push(
    `${name} ${Math.round(performance.now() - t)} ms (server cpu ${serverCpuMs() - cpu} ms)`,
  );
  return value;
};

async function measure(driver: Driver, variant: string): Promise<string> {
  const session = driver.session({ database: 'neo4j' });
  const out: string[] = [];
  try {
    await timedStep('first query', out, () => session.run('RETURN 1'));
    if (variant === 'warm')
      await timedStep('warm plans', out, () => warmWritePlans(driver, 'neo4j'));
    for (const [k, batch] of batches.entries()) {
      const tx = await session.beginTransaction();
      const detail: string[] = [];
      await timedStep(`batch ${k + 1}`, out, () => writeBatch(tx, batch, detail));
      if (detail.length > 0) out.push(`[${detail.join('; ')}]`);
      await tx.rollback();
    }
  } finally {
    await session.close();
  }
  return out.join(', ');
}

for (let round = 1; round <= rounds; round++) {
  for (const variant of variants) {
    rmSync(path.join(LOCAL_NEO4J_ROOT, 'seedperf', 'data'), { recursive: true, force: true });
    const server = await startSeedperfNeo4j();
    const driver = neo4j.driver(
      `bolt://localhost:${SEEDPERF.boltPort}`,
      neo4j.auth.basic('neo4j', SEEDPERF.password),
    );
    try {
      await applyGraphSchema(driver, 'neo4j');
      console.log(`${variant} (round ${round}): ${await measure(driver, variant)}`);
    } finally {
      await driver.close();
      await server.stop();
    }
  }
}
