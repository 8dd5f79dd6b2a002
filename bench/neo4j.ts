/**
 * The benchmark's own Neo4j: separate home and ports from dev and tests, with a bigger heap and
 * page cache than dev's so the measured graph stays in memory (sizes: options.ts).
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { LOCAL_NEO4J_ROOT } from '../src/neo4j-local/provision.js';
import { isPortOpen, startLocalNeo4j, type LocalNeo4j } from '../src/neo4j-local/server.js';

export interface BenchNeo4jSettings {
  uri: string;
  username: string;
  password: string;
  database: string;
  /** Where LOAD CSV reads from (the server's import directory). */
  importDir: string;
}

const BENCH_NEO4J_HOME = path.join(LOCAL_NEO4J_ROOT, 'bench');
/** A second server for the LOAD CSV baseline, so the seeded graph the arms query stays put. */
const BASELINE_NEO4J_HOME = path.join(LOCAL_NEO4J_ROOT, 'bench-baseline');

export type BenchServerRole = 'main' | 'baseline';

export async function startBenchNeo4j(
  log: (line: string) => void,
  role: BenchServerRole = 'main',
  options: { fresh?: boolean; heap?: string; pageCache?: string } = {},
): Promise<{ settings: BenchNeo4jSettings; server: LocalNeo4j }> {
  const main = role === 'main';
  const boltPort = Number(
    (main ? process.env.BENCH_NEO4J_BOLT_PORT : process.env.BENCH_BASELINE_BOLT_PORT) ??
      (main ? 57687 : 57689),
  );
  const httpPort = Number(
    (main ? process.env.BENCH_NEO4J_HTTP_PORT : process.env.BENCH_BASELINE_HTTP_PORT) ??
      (main ? 57474 : 57476),
  );
  const home = main ? BENCH_NEO4J_HOME : BASELINE_NEO4J_HOME;
  const password = process.env.BENCH_NEO4J_PASSWORD ?? 'togys-bench-password';
  // A fresh store (quicker than deleting a big graph), unless a server is running on it.
  if (options.fresh && !(await isPortOpen(boltPort)))
    rmSync(path.join(home, 'data'), { recursive: true, force: true });
  const server = await startLocalNeo4j({
    home,
    boltPort,
    httpPort,
    password,
    heap: options.heap ?? process.env.BENCH_NEO4J_HEAP ?? '2g',
    pageCache: options.pageCache ?? process.env.BENCH_NEO4J_PAGECACHE ?? '1g',
    log,
  });
  return {
    server,
    settings: {
      uri: server.boltUri,
      username: 'neo4j',
      password,
      database: 'neo4j',
      importDir: path.join(home, 'import'),
    },
  };
}
