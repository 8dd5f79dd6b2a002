/**
 * New articles are written several per transaction (src/seed/batches.ts). A batched run must
 * leave exactly the graph that seeding the articles one by one leaves, report per article what
 * the database counts for it alone, and keep atomicity per article: when one article of a
 * batch fails at the database, the others still land and it leaves nothing behind.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../bench/generate-corpus.js';
import { ENTITY_KIND_LABELS } from '../../src/graph/schema.js';
import {
  seedCorpus,
  SeedWriteError,
  type ArticleSeedResult,
  type SeedReport,
} from '../../src/seed/index.js';
import { clearGraph, createTestDriver, testNeo4j } from '../helpers/neo4j.js';
import { graphDump } from '../helpers/seed.js';

let driver: Driver;
let dir: string;
let files: string[];
const database = () => testNeo4j().database;

beforeAll(() => {
  driver = createTestDriver();
  dir = mkdtempSync(path.join(tmpdir(), 'togys-seed-batch-'));
  writeCorpus(dir, { seed: 11, count: 24 });
  files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => path.join(dir, f));
});

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await driver.close();
});

const line = (a: ArticleSeedResult) => ({
  articleId: a.articleId,
  status: a.status,
  created: a.created,
  removed: a.removed,
  propertiesSet: a.propertiesSet,
});

describe('new articles written in batches', () => {
  let batched: SeedReport;
  let batchedDump: Awaited<ReturnType<typeof graphDump>>;

  beforeAll(async () => {
    await clearGraph(driver);
    // 24 articles in batches of at most 5.
    batched = await seedCorpus(driver, {
      database: database(),
      paths: [dir],
      batch: { maxArticles: 5 },
    });
    batchedDump = await graphDump(driver);
  }, 120_000);

  it('adds up: the per-article lines sum to what the database counted', () => {
    const sum = (pick: (a: ArticleSeedResult) => number) =>
      batched.articles.reduce((n, a) => n + pick(a), 0);
    expect(batched.articles).toHaveLength(24);
    expect(sum((a) => a.created.nodes)).toBe(batched.counters.nodesCreated);
    expect(sum((a) => a.created.relationships)).toBe(batched.counters.relationshipsCreated);
    expect(sum((a) => a.propertiesSet)).toBe(batched.counters.propertiesSet);
    expect(batched.counters.nodesDeleted + batched.counters.relationshipsDeleted).toBe(0);
  });

  it('leaves the graph, and reports each article, as seeding them one by one does', async () => {
    await clearGraph(driver);
    const oneByOne: ReturnType<typeof line>[] = [];
    for (const file of files) {
      const report = await seedCorpus(driver, { database: database(), paths: [file] });
      const [article] = report.articles;
      if (article === undefined) throw new Error(`no report line for ${file}`);
      // Seeded alone, the database's counters are this article's own.
      expect({ ...article.created, set: article.propertiesSet }).toEqual({
        nodes: report.counters.nodesCreated,
        relationships: report.counters.relationshipsCreated,
        set: report.counters.propertiesSet,
      });
      oneByOne.push(line(article));
    }
    expect(await graphDump(driver)).toEqual(batchedDump);
    expect(batched.articles.map(line)).toEqual(oneByOne);
  }, 120_000);

  it('is idempotent: a second batched run changes nothing', async () => {
    const again = await seedCorpus(driver, {
      database: database(),
      paths: [dir],
      batch: { maxArticles: 5 },
    });
    expect(again.articles.every((a) => a.status === 'skipped')).toBe(true);
    expect(again.counters).toEqual({
      nodesCreated: 0,
      nodesDeleted: 0,
      relationshipsCreated: 0,
      relationshipsDeleted: 0,
      propertiesSet: 0,
      labelsAdded: 0,
      labelsRemoved: 0,
    });
  });
});

describe('an article that fails at the database inside a batch', () => {
  /** A file declaring an entity no other file declares, and that entity. */
  function articleWithOwnEntity(): { file: string; id: string; kind: string } {
    const declaredIn = new Map<string, { files: string[]; kind: string }>();
    for (const file of files) {
      const doc = parse(readFileSync(file, 'utf8')) as {
        entities: Array<{ id: string; kind: string }>;
      };
      for (const e of doc.entities) {
        const seen = declaredIn.get(e.id) ?? { files: [], kind: e.kind };
        seen.files.push(file);
        declaredIn.set(e.id, seen);
      }
    }
    // From the middle of the corpus, so that articles before and after it share its batch.
    const middle = files.slice(8, 16);
    for (const [id, { files: declaring, kind }] of declaredIn) {
      const [file] = declaring;
      if (declaring.length === 1 && file !== undefined && middle.includes(file))
        return { file, id, kind };
    }
    throw new Error('the generated corpus has no entity declared by one middle article only');
  }

  /**
   * A node with the entity's kind label and id but without :Entity: validation (which looks
   * for :Entity nodes) lets the article through, and the database refuses it when the
   * seeder's MERGE on :Entity creates a second node and labels it with the kind.
   */
  async function plantConflict(kind: string, id: string): Promise<void> {
    const label = ENTITY_KIND_LABELS.find((k) => k === kind);
    if (label === undefined) throw new Error(`unknown entity kind ${kind}`);
    await driver.executeQuery(`CREATE (:${label} {id: $id})`, { id }, { database: database() });
  }

  it('fails alone: the rest of its batch is written, it leaves nothing', async () => {
    const bad = articleWithOwnEntity();
    const good = files.filter((f) => f !== bad.file);

    // What the graph must hold afterwards: the conflicting node plus every other article.
    await clearGraph(driver);
    await plantConflict(bad.kind, bad.id);
    await seedCorpus(driver, { database: database(), paths: good, batch: { maxArticles: 1 } });
    const expected = await graphDump(driver);

    await clearGraph(driver);
    await plantConflict(bad.kind, bad.id);
    const logged: string[] = [];
    const error = await seedCorpus(driver, {
      database: database(),
      paths: [dir],
      batch: { maxArticles: 50 }, // the whole corpus in one batch
      log: (l) => logged.push(l),
    }).catch((err: unknown) => err);

    expect(error).toBeInstanceOf(SeedWriteError);
    const failure = error as SeedWriteError;
    const badId = `article/${path.basename(bad.file, '.yaml')}`;
    expect(failure.failures.map((f) => [f.articleId, f.file])).toEqual([[badId, bad.file]]);
    expect(failure.message).toMatch(/already exists|ConstraintValidationFailed/);
    expect(failure.message).toContain(bad.file);
    expect(logged.some((l) => l.startsWith('a batch of 24 articles failed'))).toBe(true);
    expect(failure.report.articles.map((a) => a.status)).toEqual(good.map(() => 'created'));
    expect(await graphDump(driver)).toEqual(expected);
  }, 120_000);
});
