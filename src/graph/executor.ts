/**
 * The only module that touches the Neo4j driver on the API's behalf.
 *
 * Each GraphQL operation gets a RequestExecutor: every statement runs in a read transaction
 * (`session.executeRead`, routed to a reader on a cluster) within the operation's deadline, and
 * is counted — the count is the operation's number of Cypher round trips, which tests assert on
 * (the N+1 bound) and the server logs.
 */
import neo4j, { type Driver, type Record as Neo4jRecord } from 'neo4j-driver';
import type { CypherQuery } from './cypher.js';

/** The operation ran out of time (deadline passed, or Neo4j aborted the transaction for it). */
export class OperationTimeoutError extends Error {
  override name = 'OperationTimeoutError';
}

/** No connection to Neo4j could be had before the deadline (the driver kept retrying). */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

/** How long a statement may wait for a connection before the executor asks whether Neo4j is up. */
export const UNAVAILABLE_PROBE_AFTER_MS = 300;

function isUnavailable(error: unknown): boolean {
  return (
    error instanceof neo4j.Neo4jError &&
    (error.code === neo4j.error.SERVICE_UNAVAILABLE || error.code === neo4j.error.SESSION_EXPIRED)
  );
}

export interface ExecutorOptions {
  driver: Driver;
  database: string;
  /** The operation's whole time budget, in ms. */
  timeoutMs: number;
  /** Called after each statement (for debug logs). */
  onQuery?: (info: { cypher: string; ms: number; rows: number }) => void;
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
  const deadline = Date.now() + options.timeoutMs;
  let roundTrips = 0;

  async function read(query: CypherQuery): Promise<Neo4jRecord[]> {
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw new OperationTimeoutError(`exceeded ${options.timeoutMs} ms`);
    roundTrips += 1;
    const startedAt = Date.now();
    const session = options.driver.session({
      database: options.database,
      defaultAccessMode: neo4j.session.READ,
    });
    // executeRead retries transient failures (e.g. no connection) until the driver's retry time
    // runs out; the deadline cuts that short. Whether Neo4j is working on the statement (running
    // it, or ran it and is committing) tells a timeout apart from an unreachable Neo4j, and only
    // a statement that never ran, or whose last run failed, is worth a connectivity probe.
    let attempting = false;
    let started = false;
    let lastRunFailed = false;
    const neo4jIsWorking = () => attempting || (started && !lastRunFailed);
    const work = session.executeRead(
      async (tx) => {
        attempting = true;
        started = true;
        try {
          const result = await tx.run(query.cypher, query.params);
          lastRunFailed = false;
          return result.records;
        } catch (error) {
          lastRunFailed = true;
          throw error;
        } finally {
          attempting = false;
        }
      },
      { timeout: Math.max(1, remaining) },
    );
    const timers: NodeJS.Timeout[] = [];
    const expired = new Promise<never>((_, reject) => {
      timers.push(
        setTimeout(
          () =>
            reject(
              neo4jIsWorking()
                ? new OperationTimeoutError(`exceeded ${options.timeoutMs} ms`)
                : new DatabaseUnavailableError(
                    `no connection to Neo4j within ${options.timeoutMs} ms`,
                  ),
            ),
          remaining,
        ),
      );
      // Fail fast while Neo4j is down: if no attempt is under way shortly after the start, the
      // driver is probably retrying a refused connection; ask it once whether Neo4j answers.
      timers.push(
        setTimeout(
          () => {
            if (neo4jIsWorking()) return;
            options.driver
              .verifyConnectivity({ database: options.database })
              .catch((error: unknown) => {
                if (isUnavailable(error)) {
                  reject(new DatabaseUnavailableError('Neo4j does not answer', { cause: error }));
                }
              });
          },
          Math.min(UNAVAILABLE_PROBE_AFTER_MS, remaining),
        ),
      );
    });
    try {
      const records = await Promise.race([work, expired]);
      options.onQuery?.({ cypher: query.cypher, ms: Date.now() - startedAt, rows: records.length });
      // A statement that finished after the deadline still makes the operation late.
      if (Date.now() > deadline)
        throw new OperationTimeoutError(`exceeded ${options.timeoutMs} ms`);
      return records;
    } finally {
      for (const timer of timers) clearTimeout(timer);
      // Close once the transaction settles, even when the deadline won the race.
      void work.catch(() => undefined).finally(() => session.close().catch(() => undefined));
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
