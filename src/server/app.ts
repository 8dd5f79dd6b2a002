/**
 * The HTTP service: /health, /ready, /graphql and the browser pages (/, /graphiql: ./explorer.ts)
 * on one fastify app.
 *
 * Lifecycle: createApp → start() (listen) → stop() (stop accepting, let
 * in-flight requests finish, close). The Neo4j driver is passed in and owned
 * by the caller, which closes it after stop().
 *
 * Why fastify rather than express: its routing, body parsing and reply path cost a GraphQL
 * request about 0.2–0.4 ms less CPU (bench/: ~20% of a lookup's CPU in the API process), on a
 * machine where that CPU is taken from Neo4j.
 */
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import cors from '@fastify/cors';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Driver } from 'neo4j-driver';
import { createGraphQLServer } from '../api/index.js';
import type { AppConfig } from '../config.js';
import { createNeo4jMonitor } from '../graph/driver.js';
import { RecentStatements, replanRecent } from '../graph/replan.js';
import type { Logger } from '../logger.js';
import { registerExplorer } from './explorer.js';
import {
  clientErrorHandler,
  errorHandler,
  notFound,
  pathOf,
  REQUEST_RECEIVE_TIMEOUT_MS,
} from './http-errors.js';
import { checkReadiness } from './readiness.js';

interface AppDeps {
  config: AppConfig;
  driver: Driver;
  logger: Logger;
  /** True once the seed step has finished; /ready reports 503 until then. */
  isSeeded: () => boolean;
}

export interface App {
  app: FastifyInstance;
  httpServer: http.Server;
  /** Listens on config.http.host:port; resolves with the URL actually bound. */
  start(): Promise<{ url: string; port: number }>;
  /** Stops accepting connections, waits for in-flight requests, then closes. Idempotent. */
  stop(): Promise<void>;
}

export async function createApp(deps: AppDeps): Promise<App> {
  const { config, driver, logger } = deps;
  const app = Fastify({
    bodyLimit: config.http.bodyLimitBytes,
    // Request lines are ours (one per request, below), in the service's own logger.
    logger: false,
    // A client that stops sending (a Content-Length larger than its body) gets a 408 instead
    // of holding the connection; Node checks every second instead of every 30 s, and applies
    // the request timeout only when the headers' one is no longer.
    requestTimeout: REQUEST_RECEIVE_TIMEOUT_MS,
    http: { connectionsCheckingInterval: 1_000, headersTimeout: REQUEST_RECEIVE_TIMEOUT_MS },
    clientErrorHandler,
  });

  await app.register(cors, {
    origin: config.http.corsOrigins === '*' ? '*' : [...config.http.corsOrigins],
    maxAge: 600,
  });
  if (logger.isLevelEnabled('info')) app.addHook('onResponse', logRequest(logger));
  app.setNotFoundHandler(notFound);
  app.setErrorHandler(errorHandler(logger, config.http.bodyLimitBytes));

  // Probes describe this instant: never cached by a proxy.
  app.get('/health', async (_request, reply) => {
    return reply.header('cache-control', 'no-store').send({ status: 'ok' });
  });

  app.get('/ready', async (_request, reply) => {
    const r = await checkReadiness({
      driver,
      database: config.neo4j.database,
      isSeeded: deps.isSeeded,
    });
    return reply
      .header('cache-control', 'no-store')
      .code(r.ready ? 200 : 503)
      .send({ status: r.ready ? 'ready' : 'not ready', neo4j: r.neo4j, seeded: r.seeded });
  });

  // Outages logged once, told from slowness; after one, the plans of the statements run lately
  // are made again before requests need them (a restarted Neo4j has an empty plan cache).
  const database = config.neo4j.database;
  const statements = new RecentStatements();
  const monitor = createNeo4jMonitor({ driver, database, logger });
  monitor.onBack(async () => {
    const startedAt = Date.now();
    const of = statements.list().length;
    const ran = await replanRecent(driver, database, statements);
    logger.info(
      { ran, of, ms: Date.now() - startedAt },
      'recent statements run again after the outage (plans made)',
    );
  });

  const graphql = await createGraphQLServer({
    driver,
    config,
    logger,
    app,
    path: '/graphql',
    reachability: monitor,
    statements,
  });
  await registerExplorer(app, {
    graphqlPath: '/graphql',
    introspection: config.graphql.introspection,
  });
  await app.ready();

  let stopping: Promise<void> | undefined;
  return {
    app,
    httpServer: app.server,
    start: async () => {
      await app.listen({ port: config.http.port, host: config.http.host });
      const { port } = app.server.address() as AddressInfo;
      const host = config.http.host.includes(':') ? `[${config.http.host}]` : config.http.host;
      return { url: `http://${host}:${port}`, port };
    },
    stop: () => {
      stopping ??= (async () => {
        // Apollo's drain plugin closes the HTTP server and waits for in-flight requests; then
        // fastify runs its own onClose hooks (its server.close finds the server closed already).
        await graphql.stop();
        await app.close();
        monitor.close();
      })();
      return stopping;
    },
  };
}

/** One log line per request; probes at debug so they do not drown the rest. */
function logRequest(logger: Logger) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const path = pathOf(request);
    const probe = path === '/health' || path === '/ready';
    logger[probe ? 'debug' : 'info'](
      {
        method: request.method,
        path,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request',
    );
  };
}
