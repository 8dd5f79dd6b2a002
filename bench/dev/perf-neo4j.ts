/**
 * Performance work (issue 4/5): starts the profiling Neo4j (.neo4j/perf, bolt 58687) and seeds
 * the bench's 100-article corpus into it once; keeps running until killed.
 * `npx tsx bench/dev/perf-neo4j.ts [corpusDir]`
 */
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { LOCAL_NEO4J_ROOT } from '../../src/neo4j-local/provision.js';
import { startLocalNeo4j } from '../../src/neo4j-local/server.js';
import { seedCorpus } from '../../src/seed/index.js';

export const PERF_BOLT_PORT = 58687;
export const PERF_PASSWORD = 'togys-perf-password';

const corpus = process.argv[2] ?? path.join(LOCAL_NEO4J_ROOT, 'bench-corpus', 'seed-42-n100');
const server = await startLocalNeo4j({
  home: path.join(LOCAL_NEO4J_ROOT, 'perf'),
  boltPort: PERF_BOLT_PORT,
  httpPort: 58474,
  password: PERF_PASSWORD,
  heap: '1g',
  pageCache: '512m',
  log: (line) => console.log(line),
});
const driver = neo4j.driver(server.boltUri, neo4j.auth.basic('neo4j', PERF_PASSWORD));
const report = await seedCorpus(driver, { database: 'neo4j', paths: [corpus] });
console.log(`seeded ${report.articles.length} articles`, JSON.stringify(report.counters));
await driver.close();
console.log('PERF_NEO4J_READY', server.boltUri);
setInterval(() => {}, 1 << 30);
