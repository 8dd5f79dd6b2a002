/**
 * Counts Cypher round trips without touching the code under test: the arm's driver is wrapped
 * in proxies that count every `run` (session, transaction, managed transaction) and every
 * `executeQuery`. The count is what the bench reads before and after one request.
 */
import type { Driver } from 'neo4j-driver';

export interface RoundTripCounter {
  count: number;
  /** When set, each statement is reported here (development: see bench/dev/trace.ts). */
  trace?: (cypher: string, params: unknown) => void;
}

/** Wraps an object so that calling `method` bumps the counter before delegating. */
function countCalls<T extends object>(target: T, methods: string[], counter: RoundTripCounter): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      const value: unknown = Reflect.get(obj, prop, receiver);
      if (typeof value !== 'function') return value;
      const fn = value as (...args: unknown[]) => unknown;
      if (typeof prop === 'string' && methods.includes(prop)) {
        return (...args: unknown[]) => {
          counter.count += 1;
          counter.trace?.(String(args[0]), args[1]);
          return fn.apply(obj, args);
        };
      }
      return fn.bind(obj);
    },
  });
}

function wrapTransactionWork(work: unknown, counter: RoundTripCounter): unknown {
  if (typeof work !== 'function') return work;
  const fn = work as (tx: object, ...rest: unknown[]) => unknown;
  return (tx: object, ...rest: unknown[]) => fn(countCalls(tx, ['run'], counter), ...rest);
}

function wrapSession(session: object, counter: RoundTripCounter): object {
  return new Proxy(session, {
    get(obj, prop, receiver) {
      const value: unknown = Reflect.get(obj, prop, receiver);
      if (typeof value !== 'function') return value;
      const fn = value as (...args: unknown[]) => unknown;
      if (prop === 'run') {
        return (...args: unknown[]) => {
          counter.count += 1;
          counter.trace?.(String(args[0]), args[1]);
          return fn.apply(obj, args);
        };
      }
      if (
        prop === 'executeRead' ||
        prop === 'executeWrite' ||
        prop === 'readTransaction' ||
        prop === 'writeTransaction'
      ) {
        return (work: unknown, ...rest: unknown[]) =>
          fn.apply(obj, [wrapTransactionWork(work, counter), ...rest]);
      }
      if (prop === 'beginTransaction') {
        return (...args: unknown[]) => {
          const tx = fn.apply(obj, args);
          if (tx instanceof Promise) {
            return tx.then((t: object) => countCalls(t, ['run'], counter));
          }
          return countCalls(tx as object, ['run'], counter);
        };
      }
      return fn.bind(obj);
    },
  });
}

/** A driver that behaves like `driver` and counts every Cypher statement sent through it. */
export function countingDriver(driver: Driver, counter: RoundTripCounter): Driver {
  return new Proxy(driver, {
    get(obj, prop, receiver) {
      const value: unknown = Reflect.get(obj, prop, receiver);
      if (typeof value !== 'function') return value;
      const fn = value as (...args: unknown[]) => unknown;
      if (prop === 'session') {
        return (...args: unknown[]) => wrapSession(fn.apply(obj, args) as object, counter);
      }
      if (prop === 'executeQuery') {
        return (...args: unknown[]) => {
          counter.count += 1;
          counter.trace?.(String(args[0]), args[1]);
          return fn.apply(obj, args);
        };
      }
      return fn.bind(obj);
    },
  });
}
