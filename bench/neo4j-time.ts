/**
 * The physical limit of a question: Neo4j's own time for the floor's statement, as the server
 * reports it in the result summary (`resultAvailableAfter` + `resultConsumedAfter`: planning,
 * execution and streaming the answer, without the network or any client). Each is a whole
 * number of milliseconds, so the mean over many runs is reported beside the median: the median
 * of sub-millisecond statements is 0 or 1, the mean resolves them.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import type { CypherQuery } from './arms/floor-cypher.js';

export interface Neo4jTime {
  runs: number;
  meanMs: number;
  p50Ms: number;
}

export function summarizeServerTimes(times: number[]): Neo4jTime {
  if (times.length === 0) throw new Error('no statement completed while timing Neo4j');
  const ordered = [...times].sort((a, b) => a - b);
  const mean = times.reduce((s, t) => s + t, 0) / times.length;
  return {
    runs: times.length,
    meanMs: Math.round(mean * 1000) / 1000,
    p50Ms: ordered[Math.floor((ordered.length - 1) / 2)]!,
  };
}

/** The fewest runs of each phase, however slow the statement: the first ones compile its plan. */
const MIN_WARM_UP_RUNS = 3;
const MIN_RUNS = 5;

/**
 * Runs `query` one at a time (auto-commit reads, as arm A does): a warm-up, then `durationS`
 * (each at least a few runs).
 */
export async function measureNeo4jTime(
  driver: Driver,
  database: string,
  query: CypherQuery,
  warmupS: number,
  durationS: number,
): Promise<Neo4jTime> {
  const once = async (): Promise<number> => {
    const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
    try {
      const { summary } = await session.run(query.cypher, query.params);
      return (
        neo4j.integer.toNumber(summary.resultAvailableAfter) +
        neo4j.integer.toNumber(summary.resultConsumedAfter)
      );
    } finally {
      await session.close();
    }
  };
  const warmEnd = performance.now() + warmupS * 1000;
  for (let runs = 0; runs < MIN_WARM_UP_RUNS || performance.now() < warmEnd; runs++) await once();
  const times: number[] = [];
  const end = performance.now() + durationS * 1000;
  while (times.length < MIN_RUNS || performance.now() < end) times.push(await once());
  return summarizeServerTimes(times);
}
