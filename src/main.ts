/**
 * `npm start`: configuration → Neo4j (NEO4J_URI, or the local one started or
 * reused here) → seed → HTTP. SIGINT/SIGTERM stop it cleanly: no new requests,
 * in-flight ones finish, the driver closes, a local Neo4j we started stops, exit 0.
 */
import type { Driver } from 'neo4j-driver';
import { ConfigError, loadConfig, type AppConfig } from './config.js';
import { createDriver, waitForNeo4j } from './graph/driver.js';
import { createLogger, type Logger } from './logger.js';
import { localNeo4jHome, startLocalNeo4j, type LocalNeo4j } from './neo4j-local/server.js';
import { seedCorpus, type SeedReport } from './seed/index.js';
import { linesFor } from './seed/progress.js';
import { createApp, type App } from './server/app.js';

/** What is running, so shutdown can stop exactly that, in reverse order. */
interface Running {
  localNeo4j?: LocalNeo4j;
  driver?: Driver;
  app?: App;
}

function readConfig(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      // A plain message, not a stack: the user has a variable to fix.
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

async function start(
  config: AppConfig,
  logger: Logger,
  running: Running,
  isStopping: () => boolean,
): Promise<void> {
  let boltUri = config.neo4j.uri;
  if (boltUri === null) {
    running.localNeo4j = await startLocalNeo4j({
      home: localNeo4jHome(config.neo4j.local.boltPort),
      boltPort: config.neo4j.local.boltPort,
      httpPort: config.neo4j.local.httpPort,
      password: config.neo4j.password,
      log: (line) => logger.info({ component: 'neo4j-local' }, line),
    });
    boltUri = running.localNeo4j.boltUri;
  }
  if (isStopping()) return;

  const driver = createDriver(config, { uri: boltUri, logger });
  running.driver = driver;
  await waitForNeo4j(driver, { database: config.neo4j.database, logger });
  logger.info({ neo4j: boltUri, database: config.neo4j.database }, 'Neo4j answers');
  if (isStopping()) return;

  // Seed before serving, so the first request already sees the whole graph.
  let seeded = !config.seedOnStart;
  if (config.seedOnStart) {
    // On a terminal every step shows (each constraint or index, each batch committed, the
    // seeder's own lines); elsewhere (a log collector, CI) one line per phase: the constraints
    // and indexes, then the summary below.
    const interactive = process.stdout.isTTY === true;
    const say = (line: string) => logger.info({ component: 'seed' }, line);
    const report = await seedCorpus(driver, {
      database: config.neo4j.database,
      log: interactive ? say : () => {},
      onProgress: (progress) => linesFor(progress, interactive).forEach(say),
    });
    logger.info({ component: 'seed', ...seedTally(report) }, describeSeeding(report));
    seeded = true;
  }
  if (isStopping()) return;

  running.app = await createApp({ config, driver, logger, isSeeded: () => seeded });
  const { port } = await running.app.start();
  announce(config, logger, port, running.localNeo4j);
}

/** How many articles the seed step created, updated and left unchanged. */
function seedTally(report: SeedReport): Record<'created' | 'updated' | 'skipped', number> {
  const tally = { created: 0, updated: 0, skipped: 0 };
  for (const article of report.articles) {
    if (article.status !== 'planned') tally[article.status] += 1;
  }
  return tally;
}

function describeSeeding(report: SeedReport): string {
  const { created, updated, skipped } = seedTally(report);
  return (
    `seeded ${report.articles.length} article(s): ${created} created, ${updated} updated, ` +
    `${skipped} unchanged`
  );
}

/** The lines a developer needs: where GraphQL is, where Neo4j Browser is, how to log in. */
function announce(config: AppConfig, logger: Logger, port: number, local?: LocalNeo4j): void {
  const host = ['127.0.0.1', '0.0.0.0', '::', '::1'].includes(config.http.host)
    ? 'localhost'
    : config.http.host;
  const graphqlUrl = `http://${host}:${port}/graphql`;
  logger.info({ graphqlUrl, port }, `GraphQL: ${graphqlUrl}`);
  if (config.graphql.introspection) {
    const explorerUrl = `http://${host}:${port}/`;
    logger.info({ explorerUrl }, `GraphiQL and Apollo Sandbox: linked from ${explorerUrl}`);
  }
  if (local) {
    logger.info(
      { neo4jBrowserUrl: local.browserUrl, boltUri: local.boltUri },
      `Neo4j Browser: ${local.browserUrl} (connect URL ${local.boltUri}, ` +
        `user "${local.username}", password "${local.password}")`,
    );
  } else {
    logger.info(
      { neo4jUri: config.neo4j.uri },
      `Neo4j: ${config.neo4j.uri} (user "${config.neo4j.username}", password from NEO4J_PASSWORD)`,
    );
  }
}

async function shutdown(running: Running, logger: Logger): Promise<void> {
  if (running.app) {
    await running.app.stop();
    logger.info('HTTP server stopped');
  }
  await running.driver?.close();
  if (running.localNeo4j?.started) {
    await running.localNeo4j.stop();
    logger.info('local Neo4j stopped');
  }
  logger.info('stopped');
}

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger(config);
  const running: Running = {};

  let stopping = false;
  const startup = start(config, logger, running, () => stopping);
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, `received ${signal}: stopping`);
    // A signal during start-up waits for the step under way (e.g. the local Neo4j
    // coming up), so what it started is stopped too, not orphaned.
    startup
      .catch(() => {})
      .then(() => shutdown(running, logger))
      .then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'error while stopping');
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  try {
    await startup;
  } catch (error) {
    if (stopping) return;
    logger.fatal({ err: error }, `start-up failed: ${(error as Error).message}`);
    await shutdown(running, logger).catch(() => {});
    process.exit(1);
  }
}

await main();
