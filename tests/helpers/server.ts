/**
 * The real app, in-process, on a free port, against the test run's Neo4j.
 * SEED_ON_START is false: a test seeds the graph it needs itself (tests/helpers/seed.ts).
 */
import type http from 'node:http';
import { inject } from 'vitest';
import { loadConfig, type AppConfig } from '../../src/config.js';
import { createDriver } from '../../src/graph/driver.js';
import { createLogger } from '../../src/logger.js';
import { createApp } from '../../src/server/app.js';

export interface TestServer {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  graphqlUrl: string;
  config: AppConfig;
  /** The underlying Node server (e.g. to observe when a request arrives). */
  httpServer: http.Server;
  close(): Promise<void>;
}

/** Environment variables as the service reads them; overrides win over the test defaults. */
export async function startTestServer(
  overrides: Partial<Record<string, string>> = {},
  options: { isSeeded?: () => boolean } = {},
): Promise<TestServer> {
  const neo4j = inject('neo4j');
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    HOST: '127.0.0.1',
    PORT: '0',
    SEED_ON_START: 'false',
    NEO4J_URI: neo4j.uri,
    NEO4J_USERNAME: neo4j.username,
    NEO4J_PASSWORD: neo4j.password,
    NEO4J_DATABASE: neo4j.database,
    // These servers check answers, not speed (the bench does): a cold plan on a loaded machine
    // must not fail them. Deadline behaviour is tested with its own, shorter values.
    OPERATION_TIMEOUT_MS: '60000',
    ...overrides,
  });
  const logger = createLogger(config, { pretty: false });
  const driver = createDriver(config, { logger });
  const app = await createApp({
    config,
    driver,
    logger,
    isSeeded: options.isSeeded ?? (() => true),
  });
  const { url } = await app.start();
  return {
    url,
    graphqlUrl: `${url}/graphql`,
    config,
    httpServer: app.httpServer,
    close: async () => {
      await app.stop();
      await driver.close();
    },
  };
}

export interface GraphQLResponse<TData = Record<string, unknown>> {
  status: number;
  headers: Headers;
  data?: TData | null;
  errors?: Array<{
    message: string;
    path?: (string | number)[];
    extensions?: Record<string, unknown>;
  }>;
}

/** POSTs a GraphQL operation as JSON; returns the HTTP status, headers and the parsed body. */
export async function postGraphQL<TData = Record<string, unknown>>(
  url: string,
  body: { query: string; variables?: Record<string, unknown>; operationName?: string },
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<TData>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: Omit<GraphQLResponse<TData>, 'status' | 'headers'>;
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    throw new Error(
      `postGraphQL: ${url} answered ${response.status} with non-JSON: ${text.slice(0, 500)}`,
    );
  }
  return { status: response.status, headers: response.headers, ...parsed };
}
