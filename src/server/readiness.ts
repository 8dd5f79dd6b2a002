/**
 * What /ready reports: is Neo4j answering, and is the graph seeded (the seed
 * step finished in this process and at least one Article is in the graph).
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { withTimeout } from '../graph/driver.js';

interface Readiness {
  ready: boolean;
  neo4j: 'up' | 'down';
  seeded: boolean;
}

interface ReadinessDeps {
  driver: Driver;
  database: string;
  /** True once the seed step has finished (or was skipped because SEED_ON_START=false). */
  isSeeded: () => boolean;
  timeoutMs?: number;
}

const DOWN = Symbol('down');
/** /ready answers within this even while Neo4j starts or plans slowly: a probe must not hang. */
export const READY_TIMEOUT_MS = 2_000;

export async function checkReadiness(deps: ReadinessDeps): Promise<Readiness> {
  // One auto-commit read answers both questions. Not executeQuery: that retries
  // for up to 30 s when Neo4j is down, and a probe must answer at once.
  const session = deps.driver.session({
    database: deps.database,
    defaultAccessMode: neo4j.session.READ,
  });
  const probe = session
    .run('RETURN EXISTS { MATCH (:Article) } AS hasArticle')
    .then(({ records }) => records[0]?.get('hasArticle') === true)
    .catch((): typeof DOWN => DOWN)
    .finally(() => session.close());
  const hasArticle = await withTimeout<boolean | typeof DOWN>(
    probe,
    deps.timeoutMs ?? READY_TIMEOUT_MS,
    DOWN,
  );
  if (hasArticle === DOWN) return { ready: false, neo4j: 'down', seeded: false };
  const seeded = deps.isSeeded() && hasArticle;
  return { ready: seeded, neo4j: 'up', seeded };
}
