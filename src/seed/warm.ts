/**
 * Warming the write plans: each statement a batch of new articles sends is run once over no
 * rows, in a transaction that is rolled back. Neo4j compiles a statement text the first time
 * it sees it after a start (and caches the plan per text and parameter types: a list of no
 * rows has the type of a list of rows). Sent while the corpus is being validated, that
 * compile overlaps validation instead of delaying the first batch.
 */
import type { Driver } from 'neo4j-driver';
import { NEW_ARTICLE_STATEMENTS } from './statement.js';

export async function warmWritePlans(driver: Driver, database: string): Promise<void> {
  const session = driver.session({ database });
  try {
    const tx = await session.beginTransaction();
    try {
      await Promise.all(NEW_ARTICLE_STATEMENTS.map((cypher) => tx.run(cypher, { rows: [] })));
    } finally {
      await tx.rollback();
    }
  } finally {
    await session.close();
  }
}
