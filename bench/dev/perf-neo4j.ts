/**
 * Starts the profiling Neo4j (profiling-neo4j.ts) and seeds a bench corpus into it once, for
 * the API profiling scripts; keeps running until stopped. With BENCH_DEV_* set:
 *   npx tsx bench/dev/perf-neo4j.ts [corpus dir]
 * The corpus defaults to the one a default `npm run bench` wrote (.neo4j/bench-corpus/seed-42-n1000;
 * `npx tsx bench/generate-corpus.ts --count 1000 --out <dir>` writes one by itself).
 */
import path from 'node:path';
import { LOCAL_NEO4J_ROOT } from '../../src/neo4j-local/provision.js';
import { seedCorpus } from '../../src/seed/index.js';
import { profilingDriver, startProfilingNeo4j } from './profiling-neo4j.js';

const corpus = process.argv[2] ?? path.join(LOCAL_NEO4J_ROOT, 'bench-corpus', 'seed-42-n1000');
const server = await startProfilingNeo4j((line) => console.log(line));
const driver = profilingDriver();
const report = await seedCorpus(driver, { database: 'neo4j', paths: [corpus] });
console.log(`seeded ${report.articles.length} articles`, JSON.stringify(report.counters));
await driver.close();
console.log('PROFILING_NEO4J_READY', server.boltUri);
const stop = () => void server.stop().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
