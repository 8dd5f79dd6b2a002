/**
 * Performance work: the real app (as bench arm B runs it: production, LOG_LEVEL=warn) against
 * the profiling Neo4j, on PERF_PORT (58900). Exits cleanly on SIGTERM/SIGINT so that
 * `node --import tsx --cpu-prof --cpu-prof-dir=/tmp/prof bench/dev/perf-server.ts` writes its
 * profile.
 */
import { loadConfig } from '../../src/config.js';
import { createDriver } from '../../src/graph/driver.js';
import { createLogger } from '../../src/logger.js';
import { createApp } from '../../src/server/app.js';

const config = loadConfig({
  ...process.env,
  NEO4J_URI: process.env.PERF_BOLT ?? 'bolt://127.0.0.1:58687',
  NEO4J_USERNAME: 'neo4j',
  NEO4J_PASSWORD: process.env.PERF_PASSWORD ?? 'togys-perf-password',
  NEO4J_DATABASE: 'neo4j',
  PORT: process.env.PERF_PORT ?? '58900',
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
