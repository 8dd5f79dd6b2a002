/**
 * The real app as bench arm B runs it (production, LOG_LEVEL=warn) against the profiling Neo4j,
 * on BENCH_DEV_API_PORT, for CPU profiles: it exits cleanly on SIGTERM/SIGINT, so
 *   node --import tsx --cpu-prof --cpu-prof-dir=/tmp/prof bench/dev/perf-server.ts
 * writes its profile (summed by perf-profile.ts). Load it with perf-cpu.ts.
 */
import { loadConfig } from '../../src/config.js';
import { createDriver } from '../../src/graph/driver.js';
import { createLogger } from '../../src/logger.js';
import { createApp } from '../../src/server/app.js';
import { devSetting, profilingNeo4j, profilingUri } from './profiling-neo4j.js';

const config = loadConfig({
  ...process.env,
  NEO4J_URI: profilingUri(),
  NEO4J_USERNAME: 'neo4j',
  NEO4J_PASSWORD: profilingNeo4j().password,
  NEO4J_DATABASE: 'neo4j',
  PORT: devSetting('BENCH_DEV_API_PORT'),
  HOST: '127.0.0.1',
  SEED_ON_START: 'false',
  NODE_ENV: process.env.NODE_ENV ?? 'production',
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
});
const logger = createLogger(config, { pretty: false });
const driver = createDriver(config, { logger });
const app = await createApp({ config, driver, logger, isSeeded: () => true });
const { url } = await app.start();
console.log('PERF_SERVER_READY', url);
const stop = () => {
  void app
    .stop()
    .then(() => driver.close())
    .finally(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
