/**
 * The seeder: annotated articles (seeds/*.yaml + their text) → the graph of docs/graph-model.md.
 * Stages: load (parse + schema) → verify (refs, patterns, evidence) → plan (pure) → write.
 * The whole corpus is validated before the first write, so bad input writes nothing.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Driver } from 'neo4j-driver';

/** The repo's seeds/ folder, found from this module (works from src/ under tsx and from dist/). */
export const DEFAULT_SEEDS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'seeds',
);

export interface SeedOptions {
  database: string;
  /** Annotation files or folders holding them (default: the repo's seeds/). */
  paths?: string[];
  /** Validate and plan only; write nothing. */
  dryRun?: boolean;
  log?: (line: string) => void;
}

export interface SeedCounts {
  nodes: number;
  relationships: number;
}

export interface ArticleSeedResult {
  articleId: string;
  /** The annotation file. */
  file: string;
  /** skipped: content hash unchanged; planned: dry run. */
  status: 'created' | 'updated' | 'skipped' | 'planned';
  contentHash: string;
  created: SeedCounts;
  removed: SeedCounts;
  /** Properties written (an update shows here when nothing is created or removed). */
  propertiesSet: number;
  /** What the article's graph holds: nodes and relationships it writes. */
  planned: SeedCounts;
}

export interface SeedReport {
  articles: ArticleSeedResult[];
  dryRun: boolean;
}

export async function seedCorpus(_driver: Driver, _options: SeedOptions): Promise<SeedReport> {
  throw new Error('seedCorpus: not implemented yet');
}
