/**
 * The benchmark's own Neo4j: separate home and ports from dev and tests, with a bigger heap and
 * page cache so the 10,000-article corpus stays in memory.
 */
import path from 'node:path';
import { LOCAL_NEO4J_ROOT } from '../src/neo4j-local/provision.js';
import { startLocalNeo4j, type LocalNeo4j } from '../src/neo4j-local/server.js';

export interface BenchNeo4jSettings {
  uri: string;
  username: string;
  password: string;
  database: string;
  /** Where LOAD CSV reads from (the server's import directory). */
  importDir: string;
}

export const BENCH_NEO4J_HOME = path.join(LOCAL_NEO4J_ROOT, 'bench');

export async function startBenchNeo4j(
  log: (line: string) => void,
): Promise<{ settings: BenchNeo4jSettings; server: LocalNeo4j }> {
  const boltPort = Number(process.env.BENCH_NEO4J_BOLT_PORT ?? 57687);
  const httpPort = Number(process.env.BENCH_NEO4J_HTTP_PORT ?? 57474);
  const password = process.env.BENCH_NEO4J_PASSWORD ?? 'togys-bench-password';
  const server = await startLocalNeo4j({
    home: BENCH_NEO4J_HOME,
    boltPort,
    httpPort,
    password,
    heap: process.env.BENCH_NEO4J_HEAP ?? '2g',
    pageCache: process.env.BENCH_NEO4J_PAGECACHE ?? '1g',
    log,
  });
  return {
    server,
    settings: {
      uri: server.boltUri,
      username: 'neo4j',
      password,
      database: 'neo4j',
      importDir: path.join(BENCH_NEO4J_HOME, 'import'),
    },
  };
}
