/** The per-operation GraphQL context: its executor (deadline, round-trip count) and loaders. */
import type { Driver } from 'neo4j-driver';
import type { AppConfig } from '../config.js';
import type { Neo4jReachability } from '../graph/driver.js';
import { createRequestExecutor, type RequestExecutor } from '../graph/executor.js';
import type { RecentStatements } from '../graph/replan.js';
import type { Logger } from '../logger.js';
import { createLoaders, type Loaders } from './loaders.js';
import { createPlanner, type Planner } from './planner.js';

export interface GraphQLContext {
  executor: RequestExecutor;
  loaders: Loaders;
  config: AppConfig;
  logger: Logger;
  /** What each field's selection asks, worked out once per field of the operation. */
  planner: Planner;
  /** Partial node models throw on a read of what they lack (development, test): node-models.ts. */
  strictModels: boolean;
}

export function createContext(deps: {
  driver: Driver;
  config: AppConfig;
  logger: Logger;
  /** Whether Neo4j is reachable (see createNeo4jMonitor); unset, every timeout before Neo4j
   * took a statement counts as Neo4j being away. */
  reachability?: Neo4jReachability;
  statements?: RecentStatements;
}): GraphQLContext {
  const executor = createRequestExecutor({
    driver: deps.driver,
    database: deps.config.neo4j.database,
    timeoutMs: deps.config.graphql.operationTimeoutMs,
    reachability: deps.reachability,
    statements: deps.statements,
    // Only when debug logs are on: the info object per statement is otherwise wasted work.
    onQuery: deps.logger.isLevelEnabled('debug')
      ? (info) => deps.logger.debug(info, 'cypher')
      : undefined,
  });
  const strictModels = deps.config.nodeEnv !== 'production';
  return {
    executor,
    loaders: createLoaders(executor, { strictModels }),
    planner: createPlanner({ maxPageSize: deps.config.graphql.maxPageSize }),
    strictModels,
    config: deps.config,
    logger: deps.logger,
  };
}
