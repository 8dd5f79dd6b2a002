/**
 * Arm B — togys: the real app (src/server/app.ts: fastify, Apollo, the API's resolvers and
 * loaders) against the bench Neo4j, with no seeding. The only addition is the round-trip counter
 * around its driver, read on a side port so the app's own routes stay untouched.
 *
 * Settings: NODE_ENV=production and LOG_LEVEL=warn unless the runner says otherwise (the other
 * arms log nothing per request either); a cost limit the nested question fits (below).
 */
import { appendFileSync } from 'node:fs';
import http from 'node:http';
import { loadConfig } from '../../src/config.js';
import { createDriver } from '../../src/graph/driver.js';
import { createLogger } from '../../src/logger.js';
import { createApp } from '../../src/server/app.js';
import { countingDriver, type RoundTripCounter } from './counting-driver.js';
import { announceReady, readArmEnv, ROUND_TRIPS_PATH } from './env.js';

/** Above the nested question's estimated cost, which the report's check would otherwise refuse. */
const NESTED_COST_LIMIT = 150000;

const env = readArmEnv();
const config = loadConfig({
  ...process.env,
  NEO4J_URI: env.uri,
  NEO4J_USERNAME: env.username,
  NEO4J_PASSWORD: env.password,
  NEO4J_DATABASE: env.database,
  PORT: String(env.port),
  HOST: '127.0.0.1',
  SEED_ON_START: 'false',
  NODE_ENV: process.env.NODE_ENV ?? 'production',
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  // The nested question (20 meetings → participants → their latest meetings → subjects) is estimated
  // above the default cost limit once `first: $first` counts like a literal (and each person's
  // page of 10 meetings multiplies what lies below it); a deployment that
  // serves such pages raises the limit the same way. The check itself runs as usual.
  GRAPHQL_MAX_COST: process.env.GRAPHQL_MAX_COST ?? String(NESTED_COST_LIMIT),
});
const logger = createLogger(config, { pretty: false });
const counter: RoundTripCounter = { count: 0 };
// Development: BENCH_TRACE_FILE=path appends every statement B sends (bench/dev/trace.ts reads it).
const traceFile = process.env.BENCH_TRACE_FILE;
if (traceFile) {
  counter.trace = (cypher, params) =>
    appendFileSync(traceFile, JSON.stringify({ cypher, params }) + '\n');
}
const driver = countingDriver(createDriver(config, { logger }), counter);
const app = await createApp({ config, driver, logger, isSeeded: () => true });
await app.start();

const controlPort = env.port + 1;
const control = http.createServer((req, res) => {
  if (req.url === ROUND_TRIPS_PATH) {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ count: counter.count }));
    return;
  }
  res.writeHead(404).end();
});
await new Promise<void>((resolve) => control.listen(controlPort, '127.0.0.1', resolve));
announceReady(env.port, controlPort);

// Exit (rather than die) on the runner's SIGTERM, so `node --cpu-prof` can write its profile.
process.once('SIGTERM', () => process.exit(0));
