/**
 * A Neo4j for seeder profiling (issue 3), kept running until this process is stopped.
 * `npx tsx bench/dev/seedperf-server.ts` → bolt 59687 / http 59474, home .neo4j/seedperf.
 */
import path from 'node:path';
import { LOCAL_NEO4J_ROOT } from '../../src/neo4j-local/provision.js';
import { startLocalNeo4j, type LocalNeo4j } from '../../src/neo4j-local/server.js';

export const SEEDPERF = {
  boltPort: Number(process.env.SEEDPERF_BOLT_PORT ?? 59687),
  httpPort: Number(process.env.SEEDPERF_HTTP_PORT ?? 59474),
  password: 'seedperf-password',
};

/** Starts the seedperf Neo4j, or finds it already running (then `started` is false). */
export function startSeedperfNeo4j(log: (line: string) => void = () => {}): Promise<LocalNeo4j> {
  return startLocalNeo4j({
    home: path.join(LOCAL_NEO4J_ROOT, 'seedperf'),
    ...SEEDPERF,
    heap: '1g',
    pageCache: '512m',
    log,
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await startSeedperfNeo4j((line) => console.log(line));
  console.log(`up at ${server.boltUri}`);
  const stop = () => void server.stop().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
