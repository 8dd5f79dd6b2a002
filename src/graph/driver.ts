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

interface DriverOptions {
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
    ...(logger ? { logging: { level: 'warn' as const, logger: driverLogForwarder(logger) } } : {}),
  });
}

/** At most one driver line per level in this time; the next one says how many were left out. */
const DRIVER_LOG_INTERVAL_MS = 60_000;
const DRIVER_LOG_MAX_CHARS = 200;

/**
 * The driver's warnings and errors, into the service's log without flooding it: while Neo4j is
 * away the driver writes several long lines per failed request (a connection error with its
 * whole history). Each goes in shortened to its first line, at most one per level a minute,
 * with the count of those left out; the outage itself is told by the Neo4jMonitor.
 */
export function driverLogForwarder(
  logger: Logger,
  now: () => number = Date.now,
): (level: string, message: string) => void {
  const last = new Map<string, { at: number; skipped: number }>();
  return (level, message) => {
    const entry = last.get(level);
    const time = now();
    if (entry && time - entry.at < DRIVER_LOG_INTERVAL_MS) {
      entry.skipped += 1;
      return;
    }
    const skipped = entry?.skipped ?? 0;
    last.set(level, { at: time, skipped: 0 });
    const line = message.split('\n', 1)[0]!.slice(0, DRIVER_LOG_MAX_CHARS);
    const fields = { neo4j: line, ...(skipped > 0 ? { similarLinesSkipped: skipped } : {}) };
    if (level === 'error') logger.error(fields);
    else logger.warn(fields);
  };
}

/** What the executor tells the monitor, and asks it: is Neo4j reachable right now? */
export interface Neo4jReachability {
  /** False from a failure to reach Neo4j until Neo4j answers again. */
  readonly reachable: boolean;
  /** Neo4j answered a statement (any answer from the server counts). */
  answered(): void;
  /** A statement could not reach Neo4j (the request answers SERVICE_UNAVAILABLE). */
  failed(error: unknown): void;
}

interface Neo4jMonitor extends Neo4jReachability {
  /** Runs `listener` each time Neo4j is reachable again after an outage. */
  onBack(listener: () => Promise<void>): void;
  /** Stops the probe and the reports of an outage under way. */
  close(): void;
}

interface MonitorOptions {
  driver: Driver;
  database: string;
  logger: Logger;
  /** How often an outage probes Neo4j, so it notices Neo4j is back without traffic. */
  probeIntervalMs?: number;
  /** How often an outage logs its count of failed requests. */
  reportIntervalMs?: number;
}

/**
 * Tells, and logs, whether Neo4j can be reached: one line when it goes away, one line with a
 * count every `reportIntervalMs` while it is away, one line when it is back (found by the
 * requests, or by a probe every `probeIntervalMs`), and then the `onBack` listeners run.
 */
export function createNeo4jMonitor(options: MonitorOptions): Neo4jMonitor {
  const { driver, database, logger } = options;
  const probeIntervalMs = options.probeIntervalMs ?? 500;
  const reportIntervalMs = options.reportIntervalMs ?? 30_000;
  const listeners: Array<() => Promise<void>> = [];
  let reachable = true;
  let downSince = 0;
  let failures = 0;
  let reported = 0;
  let probe: NodeJS.Timeout | undefined;
  let report: NodeJS.Timeout | undefined;
  let probing = false;

  function stopTimers(): void {
    clearInterval(probe);
    clearInterval(report);
    probe = report = undefined;
  }

  const monitor: Neo4jMonitor = {
    get reachable() {
      return reachable;
    },
    answered() {
      if (reachable) return;
      reachable = true;
      stopTimers();
      logger.info(
        { downForMs: Date.now() - downSince, failedRequests: failures },
        'Neo4j is reachable again',
      );
      for (const listener of listeners) {
        listener().catch((error: unknown) =>
          logger.warn({ err: errorMessage(error) }, 'after Neo4j came back'),
        );
      }
    },
    failed(error) {
      failures += 1;
      if (!reachable) return;
      reachable = false;
      downSince = Date.now();
      failures = 1;
      reported = 0;
      logger.warn(
        { err: errorMessage(error).split('\n', 1)[0]!.slice(0, DRIVER_LOG_MAX_CHARS) },
        'Neo4j is unreachable: requests answer SERVICE_UNAVAILABLE until it is back',
      );
      probe = setInterval(() => {
        if (probing) return;
        probing = true;
        void pingNeo4j(driver, database, probeIntervalMs * 4)
          .then((up) => up && monitor.answered())
          .finally(() => (probing = false));
      }, probeIntervalMs);
      report = setInterval(() => {
        logger.warn(
          { downForMs: Date.now() - downSince, failedRequests: failures - reported },
          'Neo4j is still unreachable',
        );
        reported = failures;
      }, reportIntervalMs);
      probe.unref();
      report.unref();
    },
    onBack(listener) {
      listeners.push(listener);
    },
    close: stopTimers,
  };
  return monitor;
}

interface WaitOptions {
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

/**
 * True when `database` answers a trivial read within `timeoutMs`; never throws. One attempt
 * (not executeQuery, which retries for up to 30 s), bounded also on Neo4j's side.
 */
async function pingNeo4j(driver: Driver, database: string, timeoutMs = 3_000): Promise<boolean> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  const query = session
    .run('RETURN 1 AS ok', {}, { timeout: timeoutMs })
    .then(() => true)
    .catch(() => false)
    .finally(() => session.close().catch(() => undefined));
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
