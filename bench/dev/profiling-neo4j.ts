/**
 * The Neo4j every profiling script here runs against (home `.neo4j/profiling`), and the API
 * port `perf-server.ts` serves on. All from the environment, required: on a shared machine each
 * engineer picks free ports, and no password is written in the repo.
 *   BENCH_DEV_BOLT_PORT, BENCH_DEV_HTTP_PORT, BENCH_DEV_PASSWORD   the profiling Neo4j
 *   BENCH_DEV_API_PORT                                            perf-server.ts / perf-cpu.ts
 * Started by `perf-neo4j.ts` (which also seeds a corpus) or by a seedperf script that finds it
 * down (that script then stops it again).
 */
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { LOCAL_NEO4J_ROOT } from '../../src/neo4j-local/provision.js';
import { startLocalNeo4j, type LocalNeo4j } from '../../src/neo4j-local/server.js';

export const PROFILING_HOME = path.join(LOCAL_NEO4J_ROOT, 'profiling');

export function devSetting(name: string, env: NodeJS.ProcessEnv = process.env): string {
  const value = env[name];
  if (!value) throw new Error(`bench/dev: set ${name} (see bench/dev/profiling-neo4j.ts)`);
  return value;
}

export function profilingNeo4j() {
  return {
    boltPort: Number(devSetting('BENCH_DEV_BOLT_PORT')),
    httpPort: Number(devSetting('BENCH_DEV_HTTP_PORT')),
    password: devSetting('BENCH_DEV_PASSWORD'),
    database: 'neo4j',
  };
}

export function profilingUri(): string {
  return `bolt://127.0.0.1:${profilingNeo4j().boltPort}`;
}

export function profilingDriver(): Driver {
  return neo4j.driver(profilingUri(), neo4j.auth.basic('neo4j', profilingNeo4j().password));
}

/** Starts the profiling Neo4j, or finds it running (then `started` is false). */
export function startProfilingNeo4j(log: (line: string) => void = () => {}): Promise<LocalNeo4j> {
  const { boltPort, httpPort, password } = profilingNeo4j();
  return startLocalNeo4j({
    home: PROFILING_HOME,
    boltPort,
    httpPort,
    password,
    heap: process.env.BENCH_DEV_HEAP ?? '1g',
    pageCache: process.env.BENCH_DEV_PAGECACHE ?? '512m',
    log,
  });
}
