/**
 * The one place the service creates its Neo4j driver.
 *
 * Works for every scheme config.ts accepts: `bolt://` (one server), `neo4j://`
 * (routing: a cluster, reads go to followers), and their `+s` / `+ssc`
 * variants. Encryption comes from the scheme alone — setting `encrypted` or
 * `trust` here as well makes the driver reject `+s` URIs.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import type { AppConfig } from '../config.js';
import type { Logger } from '../logger.js';

export type { Driver } from 'neo4j-driver';

export interface DriverOptions {
  /** Overrides config.neo4j.uri: the Bolt URI of the local Neo4j when NEO4J_URI is unset. */
  uri?: string;
  /** Where the driver's own warnings and errors go. */
  logger?: Logger;
}

/**
 * The service's driver. Integers come back as neo4j `Integer` objects (the
 * driver's default); convert with `neo4j.integer.toNumber` where a number is needed.
 */
export function createDriver(config: AppConfig, options: DriverOptions = {}): Driver {
  const uri = options.uri ?? config.neo4j.uri;
  if (!uri) {
    throw new Error('createDriver: NEO4J_URI is unset and no local Neo4j URI was given.');
  }
  const logger = options.logger;
  return neo4j.driver(uri, neo4j.auth.basic(config.neo4j.username, config.neo4j.password), {
    userAgent: 'togys',
    // Fail fast when Neo4j is down, so /ready answers 503 promptly instead of hanging.
    connectionTimeout: 5_000,
    connectionAcquisitionTimeout: 10_000,
    ...(logger
      ? {
          logging: {
            level: 'warn' as const,
            logger: (level: string, message: string) =>
              level === 'error'
                ? logger.error({ neo4j: message })
                : logger.warn({ neo4j: message }),
          },
        }
      : {}),
  });
}

export interface WaitOptions {
  database: string;
  /** Attempts before giving up (default 30). */
  attempts?: number;
  /** Pause between attempts in ms (default 1000). */
  intervalMs?: number;
  logger?: Logger;
}

/**
 * Resolves once Neo4j answers on `database`; after the last attempt, rejects
 * with the last error. Authentication errors fail at once: retrying cannot fix them.
 */
export async function waitForNeo4j(driver: Driver, options: WaitOptions): Promise<void> {
  const attempts = options.attempts ?? 30;
  const intervalMs = options.intervalMs ?? 1_000;
  let lastError: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      await driver.verifyConnectivity({ database: options.database });
      return;
    } catch (error) {
      lastError = error;
      if (isAuthError(error)) break;
      options.logger?.info(
        { attempt, attempts, err: errorMessage(error) },
        'waiting for Neo4j to answer',
      );
      if (attempt < attempts) await new Promise((r) => setTimeout(r, intervalMs));
    }
  }
  throw new Error(
    `Neo4j did not answer on database "${options.database}": ${errorMessage(lastError)}`,
    {
      cause: lastError,
    },
  );
}

/** True when `database` answers a trivial read within `timeoutMs`; never throws. */
export async function pingNeo4j(
  driver: Driver,
  database: string,
  timeoutMs = 3_000,
): Promise<boolean> {
  const query = driver
    .executeQuery('RETURN 1 AS ok', {}, { database, routing: neo4j.routing.READ })
    .then(() => true)
    .catch(() => false);
  return withTimeout(query, timeoutMs, false);
}

/** Resolves with `fallback` if `promise` has not settled within `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function isAuthError(error: unknown): boolean {
  return (
    error instanceof neo4j.Neo4jError &&
    (error.code === 'Neo.ClientError.Security.Unauthorized' ||
      error.code === 'Neo.ClientError.Security.AuthenticationRateLimit')
  );
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
