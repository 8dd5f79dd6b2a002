/**
 * Empties a database in batches (a single DETACH DELETE of a large graph needs a huge heap).
 * Relationships go first: a batch of nodes that DETACH DELETEs a country with tens of thousands
 * of relationships can still exceed the transaction memory limit.
 */
import type { Driver } from 'neo4j-driver';

export async function clearDatabase(driver: Driver, database: string): Promise<void> {
  const session = driver.session({ database });
  try {
    await session.run('MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS');
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
  } finally {
    await session.close();
  }
}

/** Node count per label and relationship count per type: to check two graphs hold the same data. */
export async function graphCounts(
  driver: Driver,
  database: string,
): Promise<Record<string, number>> {
  const { records } = await driver.executeQuery(
    `CALL () { MATCH (n) UNWIND labels(n) AS k RETURN 'node:' + k AS key, count(*) AS c
               UNION ALL MATCH ()-[r]->() RETURN 'rel:' + type(r) AS key, count(*) AS c }
     RETURN key, c ORDER BY key`,
    {},
    { database },
  );
  return Object.fromEntries(records.map((r) => [r.get('key') as string, Number(r.get('c'))]));
}
