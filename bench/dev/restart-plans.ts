/**
 * Measures: what a restarted Neo4j needs before it answers the API's statements quickly, with no
 * API in between. Starts a Neo4j of its own (bolt BENCH_DEV_RESTART_BOLT_PORT, default 17770, and
 * the next port for HTTP; a fresh store, deleted afterwards), seeds seeds/, has the API run the
 * fault test's two queries once to learn their statements, then for each mode given kills the
 * JVM (-9, by its pid), restarts it and, from the moment a fresh connection's RETURN 1 answers,
 * times the statements through a bare driver:
 *   seq      each statement once, one at a time, then once more (a cold plan, then a warm one)
 *   explain  each EXPLAINed, then each run (does a plan alone make the first run quick?)
 *   conc4    four clients each running every statement at once (the same text planned 4 times)
 *   idle5    as seq, after 5 s of leaving the restarted Neo4j alone
 *   npx tsx bench/dev/restart-plans.ts seq explain conc4 idle5
 */
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import neo4j, { type Driver } from 'neo4j-driver';
import { pino } from 'pino';
import { loadConfig } from '../../src/config.js';
import { LOCAL_NEO4J_ROOT } from '../../src/neo4j-local/provision.js';
import { isPortOpen, startLocalNeo4j, type LocalNeo4j } from '../../src/neo4j-local/server.js';
import { seedCorpus } from '../../src/seed/index.js';
import { createApp } from '../../src/server/app.js';

const BOLT = Number(process.env.BENCH_DEV_RESTART_BOLT_PORT || 17770);
const PASSWORD = 'togys-restart-plans';
const HOME = path.join(LOCAL_NEO4J_ROOT, `restart-plans-${BOLT}`);
/** The fault test's queries (tests/integration/neo4j-fault.test.ts). */
const QUERIES = [
  '{ node(id: "country/kz") { id ... on Country { name mentions(first: 3) { totalCount } } } }',
  '{ meetings(first: 5) { totalCount edges { node { id date participants { person { name } } } } } }',
];
type Statement = [cypher: string, params: Record<string, unknown>];

const start = () =>
  startLocalNeo4j({ home: HOME, boltPort: BOLT, httpPort: BOLT + 1, password: PASSWORD });
const connect = (uri: string) => neo4j.driver(uri, neo4j.auth.basic('neo4j', PASSWORD));

/** The statements the API sends for QUERIES, recorded from its driver's sessions. */
async function apiStatements(driver: Driver, uri: string): Promise<Statement[]> {
  const seen = new Map<string, Record<string, unknown>>();
  const recording = new Proxy(driver, {
    get(target, prop) {
      if (prop !== 'session') {
        const value: unknown = Reflect.get(target, prop);
        return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
      }
      return (config: Parameters<Driver['session']>[0]) => {
        const session = target.session(config);
        const run = session.run.bind(session);
        session.run = ((cypher: string, params: Record<string, unknown>, options: never) => {
          seen.set(cypher, params);
          return run(cypher, params, options);
        }) as typeof session.run;
        return session;
      };
    },
  });
  const config = loadConfig({
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: '0',
    SEED_ON_START: 'false',
    NEO4J_URI: uri,
    NEO4J_PASSWORD: PASSWORD,
  });
  const logger = pino({ level: 'silent' });
  const app = await createApp({ config, driver: recording, logger, isSeeded: () => true });
  const { url } = await app.start();
  for (const query of QUERIES) {
    await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
  }
  await app.stop();
  return [...seen].filter(([cypher]) => !/^(RETURN|EXPLAIN)\b/.test(cypher));
}

async function timed(driver: Driver, cypher: string, params: Record<string, unknown>) {
  const session = driver.session({ database: 'neo4j', defaultAccessMode: neo4j.session.READ });
  const startedAt = Date.now();
  try {
    await session.run(cypher, params);
  } finally {
    await session.close();
  }
  return Date.now() - startedAt;
}

/** Resolves with the moment a fresh connection's RETURN 1 first succeeds. */
async function boltAnswers(uri: string): Promise<number> {
  const probe = neo4j.driver(uri, neo4j.auth.basic('neo4j', PASSWORD), {
    connectionTimeout: 1_000,
  });
  try {
    for (;;) {
      try {
        await probe.executeQuery('RETURN 1', {}, { database: 'neo4j' });
        return Date.now();
      } catch {
        await sleep(100);
      }
    }
  } finally {
    await probe.close();
  }
}

const sequence = async (driver: Driver, statements: Statement[], prefix = '') => {
  const ms: number[] = [];
  for (const [cypher, params] of statements) ms.push(await timed(driver, prefix + cypher, params));
  return ms;
};

const MODES: Record<string, (driver: Driver, statements: Statement[]) => Promise<unknown>> = {
  seq: async (d, s) => ({ first: await sequence(d, s), again: await sequence(d, s) }),
  explain: async (d, s) => ({
    explain: await sequence(d, s, 'EXPLAIN '),
    run: await sequence(d, s),
  }),
  conc4: async (d, s) => ({ clients: await Promise.all([0, 1, 2, 3].map(() => sequence(d, s))) }),
  idle5: async (d, s) => {
    await sleep(5_000);
    return { afterIdle5s: await sequence(d, s) };
  },
};

const modes = process.argv.slice(2);
const unknown = modes.filter((m) => !(m in MODES));
if (modes.length === 0 || unknown.length > 0) {
  console.error(`modes: ${Object.keys(MODES).join(' ')} (unknown: ${unknown.join(' ')})`);
  process.exit(2);
}
rmSync(HOME, { recursive: true, force: true });
let server: LocalNeo4j = await start();
try {
  const seeding = connect(server.boltUri);
  await seedCorpus(seeding, { database: 'neo4j' });
  const statements = await apiStatements(seeding, server.boltUri);
  await seeding.close();
  console.log(`statements: ${statements.length}, of ${statements.map(([c]) => c.length)} chars`);
  for (const mode of modes) {
    process.kill(server.pid!, 'SIGKILL');
    const killedAt = Date.now();
    // Its port closes when the process is gone: a start before that would find it taken.
    while (await isPortOpen(BOLT)) await sleep(100);
    const restarting = start();
    const boltAt = await boltAnswers(server.boltUri);
    server = await restarting;
    const driver = connect(server.boltUri);
    const ms = await MODES[mode]!(driver, statements);
    const total = Date.now() - boltAt;
    await driver.close();
    const load = loadavg()[0]!.toFixed(1);
    console.log(
      JSON.stringify({
        mode,
        boltAfterKillMs: boltAt - killedAt,
        ms,
        totalAfterBoltMs: total,
        load,
      }),
    );
  }
} finally {
  await server.stop();
  rmSync(HOME, { recursive: true, force: true });
}
