/**
 * The HTTP service: /health, /ready and /graphql on one express app.
 *
 * Lifecycle: createApp → start() (listen) → stop() (stop accepting, let
 * in-flight requests finish, close). The Neo4j driver is passed in and owned
 * by the caller, which closes it after stop().
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import cors from 'cors';
import express from 'express';
import type { Driver } from 'neo4j-driver';
import { createGraphQLServer } from '../api/index.js';
import type { AppConfig } from '../config.js';
import type { Logger } from '../logger.js';
import { errorHandler, notFound } from './http-errors.js';
import { checkReadiness } from './readiness.js';

export interface AppDeps {
  config: AppConfig;
  driver: Driver;
  logger: Logger;
  /** True once the seed step has finished; /ready reports 503 until then. */
  isSeeded: () => boolean;
}

export interface App {
  app: express.Express;
  httpServer: http.Server;
  /** Listens on config.http.host:port; resolves with the URL actually bound. */
  start(): Promise<{ url: string; port: number }>;
  /** Stops accepting connections, waits for in-flight requests, then closes. Idempotent. */
  stop(): Promise<void>;
}

export async function createApp(deps: AppDeps): Promise<App> {
  const { config, driver, logger } = deps;
  const app = express();
  const httpServer = http.createServer(app);
  app.disable('x-powered-by');
  // Express would hash every answer for an ETag. GraphQL clients POST, and nobody revalidates a
  // POST's answer; hashing a big one (300 KB) costs a millisecond.
  app.set('etag', false);

  app.use(requestLog(logger));
  app.use(
    cors({
      origin: config.http.corsOrigins === '*' ? '*' : [...config.http.corsOrigins],
      maxAge: 600,
    }),
  );

  // Probes describe this instant: never cached by a proxy.
  app.get('/health', (_req, res) => {
    res.set('cache-control', 'no-store').json({ status: 'ok' });
  });

  app.get('/ready', async (_req, res) => {
    const r = await checkReadiness({
      driver,
      database: config.neo4j.database,
      isSeeded: deps.isSeeded,
    });
    res
      .set('cache-control', 'no-store')
      .status(r.ready ? 200 : 503)
      .json({ status: r.ready ? 'ready' : 'not ready', neo4j: r.neo4j, seeded: r.seeded });
  });

  const graphql = await createGraphQLServer({ driver, config, logger, httpServer });
  app.use('/graphql', express.json({ limit: config.http.bodyLimit }), graphql.middleware);

  app.use(notFound);
  app.use(errorHandler(logger));

  let stopping: Promise<void> | undefined;
  return {
    app,
    httpServer,
    start: () =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(config.http.port, config.http.host, () => {
          httpServer.off('error', reject);
          const { port } = httpServer.address() as AddressInfo;
          const host = config.http.host.includes(':') ? `[${config.http.host}]` : config.http.host;
          resolve({ url: `http://${host}:${port}`, port });
        });
      }),
    stop: () => {
      stopping ??= (async () => {
        // Apollo's drain plugin closes the HTTP server and waits for in-flight requests.
        await graphql.stop();
        if (httpServer.listening) await closeHttpServer(httpServer);
      })();
      return stopping;
    },
  };
}

function closeHttpServer(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}

/** One log line per request; probes at debug so they do not drown the rest. */
function requestLog(logger: Logger): express.RequestHandler {
  // Above info (LOG_LEVEL=warn…) no request line is ever written: do not time requests.
  if (!logger.isLevelEnabled('info')) return (_req, _res, next) => next();
  return (req, res, next) => {
    const startedAt = process.hrtime.bigint();
    res.once('finish', () => {
      const ms = Number(process.hrtime.bigint() - startedAt) / 1e6;
      // originalUrl: under a mounted router (/graphql) req.path is relative to the mount.
      const path = req.originalUrl.split('?')[0];
      const probe = path === '/health' || path === '/ready';
      logger[probe ? 'debug' : 'info'](
        {
          method: req.method,
          path,
          status: res.statusCode,
          ms: Math.round(ms * 10) / 10,
        },
        'request',
      );
    });
    next();
  };
}
