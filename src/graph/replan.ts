/**
 * Getting the plans back after Neo4j restarts.
 *
 * A restarted Neo4j has an empty plan cache and a cold JVM: the first run of each statement text
 * spends seconds planning, and when several requests run the same text at once each plans it
 * for itself, all on the same CPU, so every one of them is late. So, from the moment Neo4j is
 * back until the statements run lately have been run again: one run of a text plans it while
 * the others of that text wait for it, and the recent statements are run again one at a time,
 * the latest used first, before requests need them.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import type { CypherQuery } from './cypher.js';

/**
 * How long one statement of the replanning may take: longer than a request's deadline, since a
 * plan made on a cold JVM can take longer than that, and a replanning cut short makes no plan.
 */
const REPLAN_STATEMENT_TIMEOUT_MS = 30_000;

/** A text's first run since Neo4j came back: resolves true when it succeeded (plan cached). */
type FirstRun = Promise<boolean>;

/**
 * The distinct statements run lately (the last `size`, by Cypher text), and, while their plans
 * are made again after a restart, the first run of each text.
 */
export class RecentStatements {
  private readonly byText = new Map<string, CypherQuery>();
  private replanning: Map<string, FirstRun> | undefined;
  private generation = 0;

  constructor(private readonly size = 64) {}

  remember(query: CypherQuery): void {
    if (this.byText.delete(query.cypher) || this.byText.size < this.size) {
      this.byText.set(query.cypher, query);
      return;
    }
    const oldest = this.byText.keys().next().value;
    if (oldest !== undefined) this.byText.delete(oldest);
    this.byText.set(query.cypher, query);
  }

  /** The statements, the latest used first. */
  list(): CypherQuery[] {
    return [...this.byText.values()].reverse();
  }

  /** Neo4j is back with an empty plan cache; returns the token `replanned` takes. */
  restarted(): number {
    this.replanning = new Map();
    return ++this.generation;
  }

  /** The recent statements have been run again (unless Neo4j went away and came back since). */
  replanned(token: number): void {
    if (token === this.generation) this.replanning = undefined;
  }

  /** True from `restarted` until `replanned`. */
  get isReplanning(): boolean {
    return this.replanning !== undefined;
  }

  /**
   * Runs `run`. While plans are being made again, a text's first run goes at once and the
   * others wait for it (at most `maxWaitMs`: `run` then finds its deadline passed) and follow
   * once it planned the text; if it failed, the next one in line runs first instead.
   */
  once<T>(cypher: string, maxWaitMs: number, run: () => Promise<T>): Promise<T> {
    // Not async: the usual case (no restart) costs a request nothing more than the run.
    const replanning = this.replanning;
    return replanning ? this.afterFirstRun(replanning, cypher, maxWaitMs, run) : run();
  }

  private async afterFirstRun<T>(
    replanning: Map<string, FirstRun>,
    cypher: string,
    maxWaitMs: number,
    run: () => Promise<T>,
  ): Promise<T> {
    const giveUpAt = Date.now() + maxWaitMs;
    for (let first = replanning.get(cypher); first; first = replanning.get(cypher)) {
      const planned = await waitAtMost(first, giveUpAt - Date.now());
      if (planned !== false) return run();
    }
    const result = run();
    const settled: FirstRun = result.then(
      () => true,
      () => false,
    );
    replanning.set(cypher, settled);
    // Registered before any waiter's: a failed first run is gone when the waiters look again.
    void settled.then((ok) => {
      if (!ok && replanning.get(cypher) === settled) replanning.delete(cypher);
    });
    return result;
  }
}

/** `first`'s outcome, or 'late' once `ms` have passed. */
function waitAtMost(first: FirstRun, ms: number): Promise<boolean | 'late'> {
  if (ms <= 0) return Promise.resolve('late');
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), ms);
  });
  return Promise.race([first, late]).finally(() => clearTimeout(timer));
}

/**
 * Runs the recent statements again, the latest used first, one at a time (parallel plans only
 * share the CPU, and the latest statement would be ready later), each within `timeoutMs`.
 * Run rather than EXPLAINed: a cold JVM is slow on a plan's first execution too. They are the
 * API's reads, with the parameters they were last run with. Failures are left to the next
 * request of that text. Resolves with how many ran.
 */
export async function replanRecent(
  driver: Driver,
  database: string,
  statements: RecentStatements,
  timeoutMs = REPLAN_STATEMENT_TIMEOUT_MS,
): Promise<number> {
  const token = statements.restarted();
  let ran = 0;
  try {
    for (const query of statements.list()) {
      const ok = await statements
        .once(query.cypher, timeoutMs, () => runRead(driver, database, query, timeoutMs))
        .then(
          () => true,
          () => false,
        );
      if (ok) ran += 1;
    }
  } finally {
    statements.replanned(token);
  }
  return ran;
}

async function runRead(
  driver: Driver,
  database: string,
  query: CypherQuery,
  timeoutMs: number,
): Promise<void> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    await session.run(query.cypher, query.params, { timeout: timeoutMs });
  } finally {
    await session.close().catch(() => undefined);
  }
}
