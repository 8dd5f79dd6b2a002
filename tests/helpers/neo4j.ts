/** A driver for the test run's Neo4j (see global-setup.ts), and helpers to reset its graph. */
import neo4j, { type Driver } from 'neo4j-driver';
import { inject } from 'vitest';

export function testNeo4j() {
  return inject('neo4j');
}

export function createTestDriver(): Driver {
  const { uri, username, password } = inject('neo4j');
  return neo4j.driver(uri, neo4j.auth.basic(username, password));
}

/** Deletes every node and relationship (schema — constraints, indexes — stays). */
export async function clearGraph(driver: Driver): Promise<void> {
  await driver.executeQuery(
    'MATCH (n) DETACH DELETE n',
    {},
    { database: inject('neo4j').database },
  );
}
