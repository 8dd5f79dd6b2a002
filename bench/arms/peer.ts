/**
 * Arm C — the peer: @neo4j/graphql (current major) on Apollo Server 5, with type definitions
 * describing the same graph (peer-typedefs.graphql). Its driver is wrapped to count round trips.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Neo4jGraphQL } from '@neo4j/graphql';
import type { RoundTripCounter } from './counting-driver.js';
import { armDriver, readArmEnv } from './env.js';
import { PROJECT_ROOT } from '../../src/project-root.js';
import { hostGraphQL } from './graphql-host.js';

const env = readArmEnv();
const counter: RoundTripCounter = { count: 0 };
const driver = armDriver(env, counter);
// From the source tree: the arm runs compiled (dist/bench-build/), where tsc copies no .graphql.
const typeDefs = readFileSync(
  path.join(PROJECT_ROOT, 'bench', 'arms', 'peer-typedefs.graphql'),
  'utf8',
);
const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();

await hostGraphQL({
  schema,
  port: env.port,
  counter,
  context: async () => ({ sessionConfig: { database: env.database } }),
});
