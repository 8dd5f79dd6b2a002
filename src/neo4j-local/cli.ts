/**
 * `npm run neo4j`: runs the local Neo4j in the foreground until Ctrl-C.
 * For users without Docker; with Docker, `docker compose up neo4j` does the same.
 */
import { DEFAULT_LOCAL_HOME, startLocalNeo4j } from './server.js';

const password = process.env.NEO4J_PASSWORD ?? 'togys-dev-password';
const boltPort = Number(process.env.NEO4J_LOCAL_BOLT_PORT ?? 7687);
const httpPort = Number(process.env.NEO4J_LOCAL_HTTP_PORT ?? 7474);

const neo4j = await startLocalNeo4j({
  home: DEFAULT_LOCAL_HOME,
  boltPort,
  httpPort,
  password,
  log: (line) => console.log(line),
});
console.log(`Neo4j Browser: ${neo4j.browserUrl} (user neo4j, password from NEO4J_PASSWORD)`);
console.log('Press Ctrl-C to stop.');

const stop = async () => {
  await neo4j.stop();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
