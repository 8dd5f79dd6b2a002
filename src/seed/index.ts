/**
 * The seeder: annotated articles (seeds/*.yaml + their text) → the graph of docs/graph-model.md.
 * Stages: load (parse + shape) → verify (refs, kinds, evidence, sentences, mentions) →
 * plan (pure) → write (an update per transaction; new articles in batches, three statements
 * and one transaction per batch, a failed batch redone one article per transaction). The
 * whole corpus is validated before the first write (in worker threads when it is large),
 * so bad input writes nothing.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isRetryableError, type Driver } from 'neo4j-driver';
import { applyGraphSchema } from '../graph/schema.js';
import type { SeedProgress } from './progress.js';
import { formatIssue, SeedValidationError, type SeedIssue } from './errors.js';
import { planSummary, type ArticlePlan, type PlannedEntity } from './plan.js';
import { locateInFile } from './load.js';
import { validateCorpus, type ValidationOptions } from './validate.js';
import { warmWritePlans } from './warm.js';
import { batchesOf, DEFAULT_BATCH_LIMITS, type BatchLimits } from './batches.js';
import {
  countsOf,
  rewriteArticle,
  writeNewArticles,
  zeroCounters,
  type ArticleCounts,
  type WriteCounters,
} from './write.js';

export { SeedValidationError, type SeedIssue } from './errors.js';
export type { WriteCounters } from './write.js';
export { planCorpus, validateCorpus } from './validate.js';

/** The repo's seeds/ folder, found from this module (works from src/ under tsx and from dist/). */
export const DEFAULT_SEEDS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'seeds',
);

interface SeedOptions {
  database: string;
  /** Annotation files or folders holding them (default: the repo's seeds/). */
  paths?: string[];
  /** Validate and plan only; touch no database. */
  dryRun?: boolean;
  /** Rewrite articles whose content hash is unchanged (normally skipped). */
  force?: boolean;
  log?: (line: string) => void;
  /** Where the run is, as it goes (src/seed/progress.ts turns it into lines). */
  onProgress?: (progress: SeedProgress) => void;
  /** How many new articles one transaction writes (default DEFAULT_BATCH_LIMITS). */
  batch?: Partial<BatchLimits>;
  /** Worker threads validating the corpus (default: validate.ts decides by its size). */
  validation?: ValidationOptions;
}

export interface SeedCounts {
  nodes: number;
  relationships: number;
}

export interface ArticleSeedResult {
  articleId: string;
  /** The annotation file. */
  file: string;
  /** created: new article; updated: content changed (or forced); skipped: hash unchanged; planned: dry run. */
  status: 'created' | 'updated' | 'skipped' | 'planned';
  contentHash: string;
  created: SeedCounts;
  removed: SeedCounts;
  /** Properties written: updates show here (SET counts a value written unchanged too; entities are SET only when they change). */
  propertiesSet: number;
  /** What the article's graph holds, by label and relationship type. */
  planned: { nodes: Record<string, number>; relationships: Record<string, number> };
}

export interface SeedReport {
  articles: ArticleSeedResult[];
  dryRun: boolean;
  /** Everything the database reported the article writes changed in this run. */
  counters: WriteCounters;
  /** Problems that did not stop the run (registry entries no article uses). */
  warnings: SeedIssue[];
}

interface ArticleWriteFailure {
  articleId: string;
  file: string;
  message: string;
  cause: unknown;
}

/**
 * Some articles failed at the database (after the corpus validated). Each failed alone:
 * nothing of it was written; every other article was, and `report` lists them.
 */
export class SeedWriteError extends Error {
  override name = 'SeedWriteError';
  constructor(
    readonly failures: readonly ArticleWriteFailure[],
    readonly report: SeedReport,
  ) {
    super(
      `${failures.length} article(s) could not be written (nothing of them is in the graph; ` +
        `the ${report.articles.length} other(s) were seeded):\n` +
        failures.map((f) => `  ${f.articleId} (${f.file}): ${f.message}`).join('\n'),
    );
  }
}

export async function seedCorpus(driver: Driver, options: SeedOptions): Promise<SeedReport> {
  const log = options.log ?? (() => {});
  const onProgress = options.onProgress ?? (() => {});
  // The write statements are compiled while the corpus is validated (seconds on a fresh
  // server). Nothing is written: the warm-up's transaction is rolled back. A failure here
  // is not the run's: the writes that follow report their own.
  const warming = options.dryRun
    ? Promise.resolve()
    : warmWritePlans(driver, options.database).catch(() => undefined);
  const warnings: SeedIssue[] = [];
  const plans = await validateCorpus(options.paths ?? [DEFAULT_SEEDS_DIR], {
    ...options.validation,
    onWarning: (w) => {
      warnings.push(w);
      log(`warning: ${formatIssue(w)}`);
    },
  });
  const total = zeroCounters();

  if (options.dryRun) {
    const articles = plans.map((plan) => {
      const summary = planSummary(plan);
      log(`${plan.articleId} (${plan.file}): valid; would write ${describePlan(summary)}`);
      return result(plan, 'planned', ZERO_COUNTS);
    });
    return { articles, dryRun: true, counters: total, warnings };
  }

  const { database } = options;
  await warming;
  await applyGraphSchema(driver, database, (schema) => onProgress({ step: 'schema', ...schema }));
  const conflicts = await kindConflictsWithGraph(driver, database, plans);
  if (conflicts.length > 0) throw new SeedValidationError(conflicts);
  const storedHash = await storedHashes(driver, database, plans);
  const outcomes: Array<ArticleSeedResult | undefined> = plans.map(() => undefined);
  const updates: number[] = [];
  const created: number[] = [];
  plans.forEach((plan, i) => {
    const exists = storedHash.has(plan.articleId);
    if (exists && storedHash.get(plan.articleId) === plan.contentHash && !options.force) {
      log(`${plan.articleId}: unchanged (content hash ${plan.contentHash.slice(0, 12)}), skipped`);
      outcomes[i] = result(plan, 'skipped', ZERO_COUNTS);
    } else (exists ? updates : created).push(i);
  });
  const toWrite = withFinalEntityProps(plans, [...updates, ...created]);
  const failures: ArticleWriteFailure[] = [];
  const articleProgress = {
    step: 'articles' as const,
    written: 0,
    total: toWrite.size,
    skipped: plans.length - toWrite.size,
  };
  onProgress({ ...articleProgress });

  const done = (i: number, status: 'created' | 'updated', counts: ArticleCounts) => {
    const r = result(toWrite.get(i) as ArticlePlan, status, counts);
    log(
      `${r.articleId}: ${r.status}; created ${r.created.nodes} nodes, ${r.created.relationships} relationships; ` +
        `removed ${r.removed.nodes} nodes, ${r.removed.relationships} relationships; ${r.propertiesSet} properties set`,
    );
    outcomes[i] = r;
  };
  const failed = (i: number, cause: unknown) => {
    const plan = toWrite.get(i) as ArticlePlan;
    const message = cause instanceof Error ? cause.message : String(cause);
    log(`${plan.articleId}: FAILED, nothing of it written: ${message}`);
    failures.push({ articleId: plan.articleId, file: plan.file, message, cause });
  };
  const add = (c: WriteCounters) => {
    for (const key of Object.keys(total) as Array<keyof WriteCounters>) total[key] += c[key];
  };

  // One session, one transaction at a time. Updates: their clean-up deletes entities nothing
  // uses any more, which must not race with another article starting to use them. New
  // articles: batches run in turn, so each batch's read of which entities are new is exact
  // (its report lines) and batches never wait on each other's locks; measured, two batches
  // in flight were no faster on 2 cores (bench/dev/seedperf-tune.ts).
  // A retryable error that outlived the driver's own retries (about 30 s) means the database
  // is unreachable or overloaded, not that an article is bad: trying the remaining articles
  // would only wait again. They are reported as failed (not written) and the run stops.
  const stopsTheRun = (error: unknown): boolean => {
    if (!isRetryableError(error)) return false;
    for (const i of [...updates, ...created]) if (outcomes[i] === undefined) failed(i, error);
    return true;
  };
  const session = driver.session({ database });
  try {
    await writeAll();
  } finally {
    await session.close();
  }
  const articles = outcomes.filter((r): r is ArticleSeedResult => r !== undefined);
  const report: SeedReport = { articles, dryRun: false, counters: total, warnings };
  if (failures.length > 0) throw new SeedWriteError(failures, report);
  return report;

  async function writeAll(): Promise<void> {
    for (const i of updates) {
      try {
        const plan = toWrite.get(i) as ArticlePlan;
        const counters = await session.executeWrite((tx) => rewriteArticle(tx, plan));
        add(counters);
        done(i, 'updated', countsOf(counters));
        articleProgress.written += 1;
        onProgress({ ...articleProgress });
      } catch (error) {
        if (stopsTheRun(error)) return;
        failed(i, error);
      }
    }

    // New articles have no clean-up: several go in one transaction (one statement per batch).
    const writeBatch = async (batch: readonly number[]) => {
      const batchPlans = batch.map((i) => toWrite.get(i) as ArticlePlan);
      const ids = batchPlans.map((p) => p.articleId);
      // Said before the commit and again after it: whenever the run stops, what the console
      // shows covers what the database holds.
      log(`writing ${ids.length} new article(s) in one transaction: ${ids.join(', ')}`);
      const written = await session.executeWrite((tx) => writeNewArticles(tx, batchPlans));
      add(written.counters);
      batch.forEach((i, k) => done(i, 'created', written.perArticle[k] as ArticleCounts));
      log(`committed ${ids.length} new article(s)`);
      articleProgress.written += batch.length;
      onProgress({ ...articleProgress });
    };
    const limits = { ...DEFAULT_BATCH_LIMITS, ...options.batch };
    for (const batch of batchesOf(created, (i) => toWrite.get(i) as ArticlePlan, limits)) {
      try {
        await writeBatch(batch);
      } catch (error) {
        if (stopsTheRun(error)) return;
        if (batch.length === 1) {
          failed(batch[0] as number, error);
          continue;
        }
        // Atomicity is per article: the batch rolled back as a whole, so its articles are
        // written again one per transaction; the good ones land, a bad one fails alone.
        log(
          `a batch of ${batch.length} articles failed, writing them one by one: ${String(error)}`,
        );
        for (const i of batch) {
          try {
            await writeBatch([i]);
          } catch (single) {
            if (stopsTheRun(single)) return;
            failed(i, single);
          }
        }
      }
    }
  }
}

const ZERO_COUNTS: ArticleCounts = countsOf(zeroCounters());

/** One read for every article's stored hash, instead of one per article. */
async function storedHashes(
  driver: Driver,
  database: string,
  plans: readonly ArticlePlan[],
): Promise<Map<string, unknown>> {
  const { records } = await driver.executeQuery(
    `UNWIND $ids AS id
     MATCH (a:Article {id: id})
     RETURN id, a.contentHash AS hash`,
    { ids: plans.map((p) => p.articleId) },
    { database, routing: 'READ' },
  );
  return new Map(records.map((r) => [r.get('id') as string, r.get('hash')]));
}

/**
 * Updates are written before new articles, and a batch writes each entity once, so "the last
 * article to declare an entity sets its properties" is decided here, in corpus order among
 * the articles written: every written article carries those final properties, and the graph
 * ends as a run writing them one by one in corpus order would leave it. Entities are sorted
 * by id (one lock order for any transactions that share them).
 */
function withFinalEntityProps(
  plans: readonly ArticlePlan[],
  indexes: readonly number[],
): Map<number, ArticlePlan> {
  const finalProps = new Map<string, PlannedEntity['props']>();
  for (const i of [...indexes].sort((x, y) => x - y))
    for (const e of (plans[i] as ArticlePlan).entities) finalProps.set(e.id, e.props);
  return new Map(
    indexes.map((i) => {
      const plan = plans[i] as ArticlePlan;
      const entities = plan.entities
        .map((e) => ({ ...e, props: finalProps.get(e.id) ?? e.props }))
        .sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
      return [i, { ...plan, entities }];
    }),
  );
}

/** An entity id already in the graph with another kind (from another article) is refused too. */
async function kindConflictsWithGraph(
  driver: Driver,
  database: string,
  plans: readonly ArticlePlan[],
): Promise<SeedIssue[]> {
  const declared = plans.flatMap((plan) =>
    plan.entities.map((e, index) => ({ id: e.id, kind: e.kind, file: plan.file, index })),
  );
  const { records } = await driver.executeQuery(
    `UNWIND $declared AS d
     MATCH (n:Entity {id: d.id})
     WHERE n.kind <> d.kind
     RETURN d.file AS file, d.index AS index, d.id AS id, d.kind AS kind, n.kind AS stored`,
    { declared },
    { database },
  );
  return records.map((r) => ({
    file: r.get('file') as string,
    path: `entities[${String(r.get('index'))}].kind`,
    ...locateInFile(r.get('file') as string, ['entities', Number(String(r.get('index'))), 'kind']),
    message: `wrong type: "${r.get('id')}" is a ${r.get('kind')} here but a ${r.get('stored')} in the graph (seeded from another article)`,
  }));
}

function result(
  plan: ArticlePlan,
  status: ArticleSeedResult['status'],
  c: ArticleCounts,
): ArticleSeedResult {
  return {
    articleId: plan.articleId,
    file: plan.file,
    status,
    contentHash: plan.contentHash,
    created: { nodes: c.nodesCreated, relationships: c.relationshipsCreated },
    removed: { nodes: c.nodesDeleted, relationships: c.relationshipsDeleted },
    propertiesSet: c.propertiesSet,
    planned: planSummary(plan),
  };
}

function describePlan(summary: ArticleSeedResult['planned']): string {
  const list = (counts: Record<string, number>) =>
    Object.entries(counts)
      .map(([k, n]) => `${n} ${k}`)
      .join(', ');
  return `nodes: ${list(summary.nodes)}; relationships: ${list(summary.relationships)}`;
}
