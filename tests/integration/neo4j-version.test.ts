import { afterAll, describe, expect, it } from 'vitest';
import { createTestDriver, testNeo4j } from '../helpers/neo4j.js';

describe('the Neo4j the tests run against', () => {
  const driver = createTestDriver();
  afterAll(() => driver.close());

  it('is a real Neo4j 5.26 (dbms.components)', async () => {
    const { records } = await driver.executeQuery(
      'CALL dbms.components() YIELD name, versions, edition RETURN name, versions, edition',
      {},
      { database: testNeo4j().database },
    );
    expect(records).toHaveLength(1);
    const record = records[0]!;
    expect(record.get('name')).toBe('Neo4j Kernel');
    expect((record.get('versions') as string[])[0]).toMatch(/^5\.26\.\d+$/);
  });

  it.runIf(testNeo4j().browserUrl !== null)('serves Neo4j Browser (the local server)', async () => {
    const response = await fetch(testNeo4j().browserUrl!);
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/<title>Neo4j Browser<\/title>/);
  });
});
