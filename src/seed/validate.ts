/**
 * Validating a corpus: every file loaded, verified and planned, then the checks across
 * articles; a SeedValidationError lists every problem. Large corpora are checked in worker
 * threads (validate-worker.ts), a share of the files each: YAML parsing, the schema and the
 * evidence search are CPU work per file, and the database is idle until the corpus is valid.
 */
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { SeedValidationError, type SeedIssue } from './errors.js';
import { findAnnotationFiles, loadArticle, locateInFile } from './load.js';
import { planArticle, type ArticlePlan } from './plan.js';
import { reviveNeo4jValues } from './revive.js';
import { verifyArticle } from './verify.js';
import { loadRegistry, registryDirsFor, type EntityRegistry } from './registry.js';

/** What one file gave: its plan and what the checks across articles need, or its issues. */
export type FileCheck =
  | {
      ok: true;
      plan: ArticlePlan;
      slug: string;
      /** The article's own entity declarations. */
      entities: Array<{ id: string; kind: string }>;
      /** The registered entities it uses. */
      registered: string[];
    }
  | { ok: false; issues: SeedIssue[] };

export function checkFile(file: string, registry: EntityRegistry): FileCheck {
  const loaded = loadArticle(file);
  if (!loaded.ok) return { ok: false, issues: loaded.issues };
  const checked = verifyArticle(loaded.article, registry);
  if (!checked.ok) return { ok: false, issues: checked.issues };
  const { annotation, registered } = checked.article;
  return {
    ok: true,
    plan: planArticle(checked.article, registryCountryNames(registry)),
    slug: annotation.article.slug,
    entities: annotation.entities.map((e) => ({ id: e.id, kind: e.kind })),
    registered: registered.map((e) => e.id),
  };
}

const countryNamesCache = new WeakMap<EntityRegistry, string[]>();

/** The English names and Latin-script aliases of the registry's countries (once per registry). */
function registryCountryNames(registry: EntityRegistry): string[] {
  let names = countryNamesCache.get(registry);
  if (names === undefined) {
    names = countryNamesOf(registry);
    countryNamesCache.set(registry, names);
  }
  return names;
}

function countryNamesOf(registry: EntityRegistry): string[] {
  return [...registry.entities.values()]
    .map(({ entity }) => entity)
    .filter((e) => e.kind === 'Country')
    .flatMap((e) => [
      e.names.en,
      ...(e.aliases ?? []).filter((a) => /^[\p{Script=Latin}\s.-]+$/u.test(a)),
    ]);
}

/**
 * The annotation files of `paths` and the registry they use. Unused registry entries are
 * worth a warning only in a run over a corpus folder: a run of one file uses a few of them.
 */
function corpusOf(paths: readonly string[]) {
  const { files, issues } = findAnnotationFiles(paths);
  const registry = loadRegistry(registryDirsFor(paths, files));
  const wholeCorpus = paths.some((p) => existsSync(p) && statSync(p).isDirectory());
  return {
    files,
    registry: wholeCorpus ? registry : { ...registry, warnUnused: false },
    issues: [...issues, ...registry.issues],
  };
}

/** Loads, verifies and plans every article; throws SeedValidationError listing every problem. */
export function planCorpus(
  paths: readonly string[],
  options: Pick<ValidationOptions, 'onWarning'> = {},
): ArticlePlan[] {
  const { files, registry, issues } = corpusOf(paths);
  return plansOrThrow(
    files.map((f) => checkFile(f, registry)),
    issues,
    registry,
    options,
  );
}

/** Below this many files, starting workers costs about what they save. */
const PARALLEL_VALIDATION_MIN_FILES = 1000;

export interface ValidationOptions {
  /**
   * Worker threads (default: one per core, at most 4, for a corpus of PARALLEL_VALIDATION_MIN_FILES
   * files or more; none below). Measured on 9,000 articles (bench/dev/seedperf-vs-csv.ts
   * --threads): two workers validated in 17 s instead of 24 s on a quiet 2-core machine, and
   * no faster on a busy one, for 40% more CPU (each worker starts and warms up its own copy
   * of the code, and every plan is cloned back to the main thread).
   */
  threads?: number;
  /** Told each problem that does not stop the run (an unreferenced registry entry). */
  onWarning?: (warning: SeedIssue) => void;
}

/**
 * planCorpus, without blocking the event loop: files are checked here, yielding between
 * them (the database is sent work meanwhile: the write plans' warm-up), or, for a large
 * corpus or when asked, shared among worker threads. Either way the plans and the issues are
 * gathered in corpus order: the same as planCorpus gives.
 */
export async function validateCorpus(
  paths: readonly string[],
  options: ValidationOptions = {},
): Promise<ArticlePlan[]> {
  const { files, registry, issues } = corpusOf(paths);
  const threads = Math.min(
    options.threads ?? (files.length >= PARALLEL_VALIDATION_MIN_FILES ? 4 : 0),
    availableParallelism(),
    files.length,
  );
  if (threads <= 1) {
    const checks: FileCheck[] = [];
    for (const file of files) {
      checks.push(checkFile(file, registry));
      await new Promise((resolve) => setImmediate(resolve));
    }
    return plansOrThrow(checks, issues, registry, options);
  }
  return plansOrThrow(
    await checkInWorkers(files, registry.dirs, threads),
    issues,
    registry,
    options,
  );
}

/** The worker module next to this one: .ts under tsx or vitest, .js once built. */
const WORKER_URL = new URL(
  `./validate-worker${path.extname(fileURLToPath(import.meta.url))}`,
  import.meta.url,
);

/**
 * Each worker checks every `threads`-th file (neighbouring files are alike in size, so the
 * shares are even) and posts its checks in its order, a chunk at a time; they are put back
 * in corpus order.
 */
async function checkInWorkers(
  files: readonly string[],
  registryDirs: readonly string[],
  threads: number,
): Promise<FileCheck[]> {
  const shares = Array.from({ length: threads }, (_, t) =>
    files.filter((_, i) => i % threads === t),
  );
  const results = await Promise.all(
    shares.map(
      (share) =>
        new Promise<FileCheck[]>((resolve, reject) => {
          const checks: FileCheck[] = [];
          const worker = startWorker({ files: share, registryDirs });
          worker.on('message', (chunk: FileCheck[]) => {
            // Plans cross threads by structured clone: driver values (Integer, Date…) come
            // back as plain objects and are made driver values again.
            for (const check of chunk)
              checks.push(check.ok ? { ...check, plan: reviveNeo4jValues(check.plan) } : check);
            if (checks.length === share.length) resolve(checks);
          });
          worker.once('error', reject);
          worker.once('exit', (code) =>
            reject(
              new Error(`a validation worker stopped (code ${code}) before checking every file`),
            ),
          );
        }),
    ),
  );
  return files.map((_, i) => {
    const check = results[i % threads]?.[Math.floor(i / threads)];
    // Unreachable: every worker answers for each file of its share.
    if (check === undefined) throw new Error(`no validation result for ${files[i]}`);
    return check;
  });
}

/**
 * Built (.js), the worker module runs as it is. From the sources (.ts, under tsx or vitest)
 * a worker thread does not inherit the TypeScript loader on Node 20: it registers tsx's
 * first, then imports the module.
 */
/** What a validation worker is given: its share of the files, and the registry's folders. */
export interface WorkerInput {
  files: readonly string[];
  registryDirs: readonly string[];
}

function startWorker(share: WorkerInput): Worker {
  if (!WORKER_URL.pathname.endsWith('.ts')) return new Worker(WORKER_URL, { workerData: share });
  // tsx/esm/api's ESM build (require.resolve finds its CommonJS one, which an eval'd worker
  // cannot use: it resolves its own files relative to the caller).
  const cjs = createRequire(import.meta.url).resolve('tsx/esm/api');
  const tsx = pathToFileURL(path.join(path.dirname(cjs), 'index.mjs')).href;
  const bootstrap = `import(${JSON.stringify(tsx)})
  .then(({ register }) => { register(); return import(${JSON.stringify(WORKER_URL.href)}); })`;
  return new Worker(bootstrap, { eval: true, workerData: share, execArgv: [] });
}

function plansOrThrow(
  checks: readonly FileCheck[],
  fileIssues: SeedIssue[],
  registry: EntityRegistry,
  options: Pick<ValidationOptions, 'onWarning'>,
): ArticlePlan[] {
  const issues = [...fileIssues];
  const valid: Array<Extract<FileCheck, { ok: true }>> = [];
  for (const check of checks) {
    if (check.ok) valid.push(check);
    else issues.push(...check.issues);
  }
  issues.push(...crossArticleIssues(valid));
  if (issues.length > 0) throw new SeedValidationError(issues);
  // Only a valid corpus is complete enough to tell which registry entries no article uses.
  if (checks.length > 0 && registry.warnUnused !== false)
    for (const warning of unreferencedEntries(registry, valid)) options.onWarning?.(warning);
  return valid.map((c) => c.plan);
}

/** Registry entries that no article of the run refers to: warnings, not errors. */
function unreferencedEntries(
  registry: EntityRegistry,
  articles: ReadonlyArray<Extract<FileCheck, { ok: true }>>,
): SeedIssue[] {
  const used = new Set(articles.flatMap((a) => a.registered));
  const warnings: SeedIssue[] = [];
  for (const [id, entry] of registry.entities) {
    if (used.has(id)) continue;
    const [, file = entry.at, line, column] = /^(.*):(\d+):(\d+)$/.exec(entry.at) ?? [];
    warnings.push({
      file,
      path: '',
      line: line === undefined ? undefined : Number(line),
      column: column === undefined ? undefined : Number(column),
      message: `registry entry "${id}" is used by no article of this run`,
    });
  }
  return warnings;
}

/**
 * Two files must not claim the same article, nor declare one entity: an entity two articles
 * know is declared once, in the registry.
 */
function crossArticleIssues(articles: ReadonlyArray<Extract<FileCheck, { ok: true }>>) {
  const issues: SeedIssue[] = [];
  const slugs = new Map<string, string>();
  const kinds = new Map<string, { kind: string; file: string }>();
  for (const { plan, slug, entities } of articles) {
    const other = slugs.get(slug);
    if (other !== undefined) {
      issues.push({
        file: plan.file,
        path: 'article.slug',
        ...locateInFile(plan.file, ['article', 'slug']),
        message: `duplicate article slug "${slug}" (also in ${other})`,
      });
      // The same article twice: its declarations clash with themselves; one issue says it all.
      continue;
    }
    slugs.set(slug, plan.file);
    entities.forEach((e, i) => {
      const seen = kinds.get(e.id);
      if (seen === undefined) kinds.set(e.id, { kind: e.kind, file: plan.file });
      else if (seen.kind !== e.kind) {
        issues.push({
          file: plan.file,
          path: `entities[${i}].kind`,
          ...locateInFile(plan.file, ['entities', i, 'kind']),
          message: `wrong type: "${e.id}" is a ${e.kind} here but a ${seen.kind} in ${seen.file}`,
        });
      } else {
        issues.push({
          file: plan.file,
          path: `entities[${i}].id`,
          ...locateInFile(plan.file, ['entities', i, 'id']),
          message: `"${e.id}" is declared by two articles (also in ${seen.file}): declare it once, in the entity registry (entities/), and refer to it by id`,
        });
      }
    });
  }
  return issues;
}
