/** Seeding helpers for integration tests: the real seeds/ corpus, or fixture paths. */
import type { Driver } from 'neo4j-driver';
import { inject } from 'vitest';
import { seedCorpus, type SeedReport } from '../../src/seed/index.js';
import { clearGraph } from './neo4j.js';

/** Clears the graph and seeds the repo's seeds/ corpus. */
export async function seedTestCorpus(driver: Driver): Promise<SeedReport> {
  await clearGraph(driver);
  return seedCorpus(driver, { database: inject('neo4j').database });
}

/** Seeds the given annotation files/folders on top of what is there. */
export async function seedPaths(driver: Driver, paths: string[]): Promise<SeedReport> {
  return seedCorpus(driver, { database: inject('neo4j').database, paths });
}

/**
 * Everything in the graph as sorted strings: every node (labels, id, properties except
 * `seededAt`) and every relationship (type, ends, properties). Equal dumps = equal graphs.
 */
export async function graphDump(
  driver: Driver,
): Promise<{ nodes: string[]; relationships: string[] }> {
  const database = inject('neo4j').database;
  const nodes = await driver.executeQuery(
    `MATCH (n)
     RETURN labels(n) AS labels, properties(n) AS props`,
    {},
    { database },
  );
  const rels = await driver.executeQuery(
    `MATCH (a)-[r]->(b)
     RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props`,
    {},
    { database },
  );
  const stable = (props: Record<string, unknown>) =>
    JSON.stringify(
      Object.keys(props)
        .filter((k) => k !== 'seededAt')
        .sort()
        .map((k) => [k, String(props[k])]),
    );
  return {
    nodes: nodes.records
      .map(
        (r) => `${[...(r.get('labels') as string[])].sort().join(':')} ${stable(r.get('props'))}`,
      )
      .sort(),
    relationships: rels.records
      .map((r) => `${r.get('from')} -${r.get('type')}-> ${r.get('to')} ${stable(r.get('props'))}`)
      .sort(),
  };
}
