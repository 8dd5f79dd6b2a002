/**
 * `npm run neo4j`: runs the local Neo4j in the foreground until Ctrl-C.
 * For users without Docker; with Docker, `docker compose up neo4j` does the same.
 * Reads the same variables as the service: NEO4J_PASSWORD, NEO4J_LOCAL_BOLT_PORT,
 * NEO4J_LOCAL_HTTP_PORT.
 */
import { ConfigError, loadConfig, type AppConfig } from '../config.js';
import { MissingToolError } from './provision.js';
import { localNeo4jHome, startLocalNeo4j } from './server.js';

let config: AppConfig;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}

try {
  const neo4j = await startLocalNeo4j({
    home: localNeo4jHome(config.neo4j.local.boltPort),
    boltPort: config.neo4j.local.boltPort,
    httpPort: config.neo4j.local.httpPort,
    password: config.neo4j.password,
    log: (line) => console.log(line),
  });
  console.log(
    `Neo4j Browser: ${neo4j.browserUrl} (connect URL ${neo4j.boltUri}, ` +
      `user "${neo4j.username}", password "${neo4j.password}")`,
  );
  console.log(neo4j.started ? 'Press Ctrl-C to stop.' : 'It was already running; nothing to stop.');

  const stop = async () => {
    await neo4j.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  if (!neo4j.started) process.exit(0);
} catch (error) {
  // A missing tool is the user's to install: the message says what, no stack needed.
  console.error(error instanceof MissingToolError ? error.message : error);
  process.exit(1);
}
