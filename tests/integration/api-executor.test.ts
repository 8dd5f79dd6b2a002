/**
 * The executor against the real Neo4j: read transactions, the round-trip count, and the
 * operation deadline — which also makes Neo4j abort the running transaction.
 */
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequestExecutor, OperationTimeoutError } from '../../src/graph/executor.js';
import { createTestDriver, testNeo4j } from '../helpers/neo4j.js';

let driver: Driver;
beforeAll(() => {
  driver = createTestDriver();
});
afterAll(async () => {
  await driver?.close();
});

const executor = (timeoutMs: number) =>
  createRequestExecutor({ driver, database: testNeo4j().database, timeoutMs });

describe('executor', () => {
  it('counts one round trip per statement', async () => {
    const ex = executor(10_000);
    expect(ex.roundTrips).toBe(0);
    const records = await ex.read({ cypher: 'RETURN $x AS x', params: { x: 'ok' } });
    await ex.read({ cypher: 'RETURN 1 AS one', params: {} });
    expect(records[0]?.get('x')).toBe('ok');
    expect(ex.roundTrips).toBe(2);
  });

  it('runs statements in read transactions: writes are refused', async () => {
    await expect(
      executor(10_000).read({ cypher: "CREATE (:Probe {id: 'x'})", params: {} }),
    ).rejects.toThrow(/write|read/i);
    const { records } = await driver.executeQuery(
      'MATCH (p:Probe) RETURN count(p) AS n',
      {},
      {
        database: testNeo4j().database,
      },
    );
    expect(Number(records[0]?.get('n'))).toBe(0);
  });

  it('a statement running past the deadline fails with OperationTimeoutError and Neo4j stops it', async () => {
    const slow =
      'UNWIND range(1, 2000000000) AS x WITH x WHERE x % 7 = 123456789 RETURN count(x) AS n';
    await expect(executor(500).read({ cypher: slow, params: {} })).rejects.toBeInstanceOf(
      OperationTimeoutError,
    );
    // The transaction timeout (the remaining budget) makes Neo4j terminate the query too.
    let running = 1;
    for (let attempt = 0; attempt < 50 && running > 0; attempt++) {
      const { records } = await driver.executeQuery(
        'SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS $marker RETURN count(*) AS n',
        { marker: 'range(1, 2000000000)' },
        { database: testNeo4j().database },
      );
      running = Number(records[0]?.get('n'));
      if (running > 0) await new Promise((r) => setTimeout(r, 200));
    }
    expect(running).toBe(0);
  });

  it('after the deadline no statement is sent', async () => {
    const ex = executor(1);
    await new Promise((r) => setTimeout(r, 5));
    await expect(ex.read({ cypher: 'RETURN 1', params: {} })).rejects.toBeInstanceOf(
      OperationTimeoutError,
    );
    expect(ex.roundTrips).toBe(0);
  });
});
