/**
 * Deterministic synthetic corpus in the real seed format: `<slug>.yaml` + `<slug>.kk.txt` per
 * article, read by the real seeder (src/seed/). The first N articles are the same whatever the
 * scale, so the 100-article corpus is a prefix of the 10,000-article one.
 *
 *   npx tsx bench/generate-corpus.ts --count 1000 [--seed 42] [--out dir]
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import type { EntityAnnotation } from '../src/seed/annotation-schema.js';
import { REGISTRY_DIR_NAME } from '../src/seed/registry.js';
import { generateArticle, type GeneratedArticle } from './corpus/article.js';
import { buildPool, type EntityPool } from './corpus/pool.js';
import { Random } from './corpus/random.js';

export const DEFAULT_CORPUS_SEED = 42;

export interface CorpusOptions {
  seed: number;
  count: number;
}

/** The article at `index`: its own PRNG stream, so it does not depend on the corpus size. */
export function* generateArticles(options: CorpusOptions): Generator<GeneratedArticle> {
  const pool = corpusPool(options.seed);
  for (let index = 0; index < options.count; index++) {
    yield generateArticle(
      index,
      pool,
      new Random(Math.imul(options.seed ^ 0x9e3779b9, 31) + index * 7919),
    );
  }
}

function corpusPool(seed: number): EntityPool {
  return buildPool(new Random(seed));
}

export interface WrittenCorpus {
  dir: string;
  articles: number;
  /** Article ids in order of generation. */
  articleIds: string[];
}

/** Writes the corpus into `dir` (emptied first). */
export function writeCorpus(dir: string, options: CorpusOptions): WrittenCorpus {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const articleIds: string[] = [];
  const registry = new Map<string, EntityAnnotation>();
  for (const article of generateArticles(options)) {
    for (const e of article.registered) registry.set(e.id, e);
    writeFileSync(path.join(dir, `${article.slug}.kk.txt`), article.text);
    writeFileSync(
      path.join(dir, `${article.slug}.yaml`),
      `# Synthetic benchmark article (bench/generate-corpus.ts, seed ${options.seed}).\n` +
        stringify(article.annotation, { lineWidth: 0 }),
    );
    articleIds.push(`article/${article.slug}`);
  }
  // The shared entities the articles use, each declared once (src/seed/registry.ts).
  mkdirSync(path.join(dir, REGISTRY_DIR_NAME));
  writeFileSync(
    path.join(dir, REGISTRY_DIR_NAME, 'pool.yaml'),
    `# Synthetic benchmark entities (bench/generate-corpus.ts, seed ${options.seed}).\n` +
      stringify({ entities: [...registry.values()] }, { lineWidth: 0 }),
  );
  return { dir, articles: articleIds.length, articleIds };
}

function parseArgs(argv: string[]): { count: number; seed: number; out: string } {
  const get = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const count = Number(get('--count') ?? 100);
  const seed = Number(get('--seed') ?? DEFAULT_CORPUS_SEED);
  if (!Number.isInteger(count) || count < 1)
    throw new Error(`--count must be a positive integer, got ${get('--count')}`);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, got ${get('--seed')}`);
  return {
    count,
    seed,
    out: get('--out') ?? path.join('.neo4j', 'bench-corpus', `seed-${seed}-n${count}`),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { count, seed, out } = parseArgs(process.argv.slice(2));
  const written = writeCorpus(out, { count, seed });
  console.log(`Wrote ${written.articles} articles to ${written.dir}`);
}
