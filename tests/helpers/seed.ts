/** Seeding helpers for integration tests: the real seeds/ corpus, or fixture paths. */
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { inject } from 'vitest';
import { parseDocument, type Document } from 'yaml';
import { DEFAULT_SEEDS_DIR, seedCorpus, type SeedReport } from '../../src/seed/index.js';
import { clearGraph } from './neo4j.js';

/** Clears the graph and seeds the repo's seeds/ corpus (or only the annotation files given). */
export async function seedTestCorpus(driver: Driver, paths?: string[]): Promise<SeedReport> {
  await clearGraph(driver);
  return seedCorpus(driver, { database: inject('neo4j').database, paths });
}

/** Seeds the given annotation files/folders on top of what is there. */
export async function seedPaths(driver: Driver, paths: string[]): Promise<SeedReport> {
  return seedCorpus(driver, { database: inject('neo4j').database, paths });
}

/**
 * Everything in the graph as sorted strings: every node (labels, id, properties except
 * `seededAt`, unless `withSeededAt`) and every relationship (type, ends, properties). Equal
 * dumps = equal graphs; with `withSeededAt`, nothing was rewritten either.
 */
export async function graphDump(
  driver: Driver,
  { withSeededAt = false } = {},
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
        .filter((k) => withSeededAt || k !== 'seededAt')
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

/** The first article's annotation in seeds/. */
export const FIRST_ARTICLE_YAML = path.join(
  DEFAULT_SEEDS_DIR,
  'article-2022-08-25-smailov-mishustin.yaml',
);
/** The small fixture article that shares entities with the first. */
export const SECOND_ARTICLE_YAML = path.resolve(
  import.meta.dirname,
  '../fixtures/seed/second-article/fixture-smailov-investors.yaml',
);

export interface AnnotationEdit {
  /** Edit the parsed YAML (comments and layout of untouched parts are kept). */
  doc?: (doc: Document) => void;
  /** Or rewrite the YAML source text. */
  text?: (source: string) => string;
}

/** The repo's entity registry (seeds/entities/). */
export const SEEDS_REGISTRY_DIR = path.join(DEFAULT_SEEDS_DIR, 'entities');

/**
 * Copies an annotation and its article text into a fresh temp folder (or `dir`), applying
 * `edit` to the copy; returns the copy's path. The originals are never touched. The folder
 * gets the repo's entity registry as `entities/` (a link), unless it has one already.
 */
export function copyAnnotation(yamlFile: string, edit: AnnotationEdit = {}, dir?: string): string {
  const target = dir ?? mkdtempSync(path.join(tmpdir(), 'togys-seed-'));
  const registry = path.join(target, 'entities');
  if (!existsSync(registry)) symlinkSync(SEEDS_REGISTRY_DIR, registry, 'dir');
  const source = readFileSync(yamlFile, 'utf8');
  const textFile = String(parseDocument(source).getIn(['article', 'textFile']));
  copyFileSync(path.resolve(path.dirname(yamlFile), textFile), path.join(target, textFile));
  let out = source;
  if (edit.doc) {
    const doc = parseDocument(source);
    edit.doc(doc);
    out = doc.toString({ lineWidth: 0 });
  }
  if (edit.text) out = edit.text(out);
  const copy = path.join(target, path.basename(yamlFile));
  writeFileSync(copy, out);
  return copy;
}

/** Index of the item with this `id` in a top-level list of the annotation (throws if absent). */
export function indexOfId(doc: Document, list: string, id: string): number {
  const items = (doc.toJS() as Record<string, Array<{ id: string }>>)[list] ?? [];
  const index = items.findIndex((item) => item.id === id);
  if (index < 0) throw new Error(`no ${list} item with id ${id}`);
  return index;
}
