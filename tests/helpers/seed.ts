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
