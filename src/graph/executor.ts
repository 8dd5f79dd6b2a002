/**
 * The only module that touches the Neo4j driver on the API's behalf.
 *
 * Each GraphQL operation gets a RequestExecutor: every statement runs as a read (an auto-commit
 * transaction in a READ session: routed to a reader on a cluster, and Neo4j refuses writes in it)
 * within the operation's deadline, and is counted — the count is the operation's number of
 * Cypher round trips, which tests assert on (the N+1 bound) and the server logs.
 *
 * Why auto-commit rather than `session.executeRead`: a managed transaction costs BEGIN, RUN+PULL
 * and COMMIT — two network round trips and three socket writes per statement — where an
 * auto-commit read costs one of each (profiled: 2.3× faster per statement). A statement here is
 * one read, so the explicit transaction bought nothing but executeRead's retries, which `read`
 * does itself, bounded by the deadline.
 */
import neo4j, { type Driver, type Record as Neo4jRecord } from 'neo4j-driver';
import type { CypherQuery } from './cypher.js';
import type { Neo4jReachability } from './driver.js';
import type { RecentStatements } from './replan.js';

/** The operation ran out of time (deadline passed, or Neo4j aborted the transaction for it). */
export class OperationTimeoutError extends Error {
  override name = 'OperationTimeoutError';
}

/** No connection to Neo4j could be had before the deadline, or Neo4j refused the connection. */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

/** Attempts per statement when the driver reports a retryable failure (e.g. a dropped connection). */
const MAX_ATTEMPTS = 3;
const RETRY_PAUSE_MS = 25;

function isUnavailable(error: unknown): boolean {
  return (
    error instanceof neo4j.Neo4jError &&
    (error.code === neo4j.error.SERVICE_UNAVAILABLE || error.code === neo4j.error.SESSION_EXPIRED)
  );
}

interface QueryInfo {
  cypher: string;
  ms: number;
  rows: number;
}

interface ExecutorOptions {
  driver: Driver;
  database: string;
  /** The operation's whole time budget, in ms. */
  timeoutMs: number;
  /** Called after each statement (for debug logs); leave unset when nobody listens. */
  onQuery?: (info: QueryInfo) => void;
  /**
   * Told when Neo4j answers or cannot be reached. When the deadline passes before Neo4j took a
   * statement but it says reachable, Neo4j is slow (TIMEOUT, e.g. planning after a restart),
   * not away (SERVICE_UNAVAILABLE).
   */
  reachability?: Neo4jReachability;
  /**
   * Where the statements run are remembered, to plan them again after Neo4j restarts; until
   * then, a statement waits for the first run of its text to plan it (src/graph/replan.ts).
   */
  statements?: RecentStatements;
}

export interface RequestExecutor {
  /** Runs one read statement; resolves with its records. */
  read(query: CypherQuery): Promise<Neo4jRecord[]>;
  /** How many statements this operation has sent to Neo4j so far. */
  readonly roundTrips: number;
  /** Epoch ms after which the operation fails with OperationTimeoutError. */
  readonly deadline: number;
}

export function createRequestExecutor(options: ExecutorOptions): RequestExecutor {
  const { driver, database, timeoutMs, onQuery, reachability, statements } = options;
  const deadline = Date.now() + timeoutMs;
  const timeout = () => new OperationTimeoutError(`exceeded ${timeoutMs} ms`);
  let roundTrips = 0;

  /** One attempt: resolves with the records, or rejects with the driver's or the deadline's error. */
  function attempt(query: CypherQuery, remaining: number): Promise<Neo4jRecord[]> {
    // Waited for another run of the text to plan it until the deadline passed.
    if (remaining <= 0) return Promise.reject(timeout());
    const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
    // The transaction timeout makes Neo4j itself stop a statement the deadline gave up on.
    const result = session.run(query.cypher, query.params, { timeout: Math.max(1, remaining) });
    // Neo4j answered RUN (it has the statement): a deadline passing now is a timeout; before
    // that, Neo4j never took the statement, i.e. it cannot be reached.
    let accepted = false;
    result.keys().then(
      () => (accepted = true),
      () => undefined,
    );
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            accepted || reachability?.reachable
              ? timeout()
              : new DatabaseUnavailableError(`no answer from Neo4j within ${timeoutMs} ms`),
          ),
        remaining,
      );
    });
    const records = result.then((r) => r.records);
    // Close once the statement settles, even when the deadline won the race.
    void records.catch(() => undefined).finally(() => session.close().catch(() => undefined));
    return Promise.race([records, expired]).finally(() => clearTimeout(timer));
  }

  async function read(query: CypherQuery): Promise<Neo4jRecord[]> {
    if (deadline - Date.now() <= 0) throw timeout();
    roundTrips += 1;
    statements?.remember(query);
    const startedAt = onQuery ? Date.now() : 0;
    for (let attempts = 1; ; attempts++) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw timeout();
      try {
        const records = await (statements
          ? statements.once(query.cypher, remaining, () => attempt(query, deadline - Date.now()))
          : attempt(query, remaining));
        reachability?.answered();
        onQuery?.({ cypher: query.cypher, ms: Date.now() - startedAt, rows: records.length });
        // A statement that finished after the deadline still makes the operation late.
        if (Date.now() > deadline) throw timeout();
        return records;
      } catch (error) {
        const retry = attempts < MAX_ATTEMPTS && neo4j.isRetryableError(error);
        if (!retry) {
          if (error instanceof DatabaseUnavailableError) reachability?.failed(error);
          if (isUnavailable(error)) {
            reachability?.failed(error);
            throw new DatabaseUnavailableError('Neo4j does not answer', { cause: error });
          }
          throw error;
        }
        await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE_MS * attempts));
      }
    }
  }

  return {
    read,
    get roundTrips() {
      return roundTrips;
    },
    deadline,
  };
}
