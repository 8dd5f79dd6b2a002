/**
 * Warms both servers' write paths before the first measured scale, and throws the data away.
 *
 * Why: the bench starts two fresh Neo4j JVMs. Whatever writes first pays the JIT compile of
 * Neo4j's write path (seconds on 2 cores): at the 100-article scale that cost, not throughput,
 * decided every seeding ratio, and it fell on whichever method ran first on its server (the
 * seeder on the main one, LOAD CSV on the copy). Each method now writes a small corpus of its
 * own (another seed number) once, unmeasured, as benchmarks warm a JVM before they time it.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { seedCorpus } from '../../src/seed/index.js';
import { writeCorpus } from '../generate-corpus.js';
import { clearDatabase } from './clear.js';
import { dumpGraph } from './dump.js';
import { exportCsv, runLoadCsv } from './load-csv.js';
import { measureRowPerTx } from './row-per-tx.js';

interface Server {
  driver: Driver;
  database: string;
}

export interface WarmUpOptions {
  /** Where the warm-up corpus is written. */
  corpusDir: string;
  /** Its seed number: not the measured corpus's. */
  seed: number;
  articles: number;
  rowPerTxSample: { nodes: number; rels: number };
}

/**
 * Seeder and one row per transaction on `main`, LOAD CSV on `copy`; both left empty. Without a
 * copy (a run without the baselines), the seeder alone.
 */
export async function warmUpWriters(
  main: Server,
  /** The copy, with its LOAD CSV import directory. */
  copy: (Server & { importDir: string }) | undefined,
  o: WarmUpOptions,
): Promise<void> {
  writeCorpus(o.corpusDir, { seed: o.seed, count: o.articles });
  const files = readdirSync(o.corpusDir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => path.join(o.corpusDir, f));
  await seedCorpus(main.driver, { database: main.database, paths: files });
  if (copy) {
    const dump = await dumpGraph(main.driver, main.database);
    await runLoadCsv(copy.driver, copy.database, exportCsv(dump, copy.importDir, 'bench-warm-up'));
    await measureRowPerTx(main.driver, main.database, dump, o.rowPerTxSample);
  }
  await Promise.all(
    [main, ...(copy ? [copy] : [])].map((s) => clearDatabase(s.driver, s.database)),
  );
}
