/**
 * Many new articles at once (the seeder writes them in batches, one statement per batch,
 * CREATEing their relationships): the graph must be what sequential MERGEs make of the same
 * corpus, and an entity declared differently by two articles must end with the later
 * article's properties, whichever batch writes it.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../bench/generate-corpus.js';
import { seedCorpus, type SeedReport } from '../../src/seed/index.js';
import { clearGraph, createTestDriver, testNeo4j } from '../helpers/neo4j.js';
import { graphDump } from '../helpers/seed.js';

interface EntityYaml {
  id: string;
  description?: string;
}

let driver: Driver;
let dir: string;
let first: SeedReport;
const sharedDescription = 'declared last: this description must win';
let shared: { id: string; lastFile: string };

beforeAll(async () => {
  driver = createTestDriver();
  await clearGraph(driver);
  dir = mkdtempSync(path.join(tmpdir(), 'togys-seed-parallel-'));
  writeCorpus(dir, { seed: 7, count: 40 });
  // The entity declared by the most articles; its last declaration gets its own description.
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  const declaredIn = new Map<string, string[]>();
  for (const f of files) {
    const doc = parse(readFileSync(path.join(dir, f), 'utf8')) as { entities: EntityYaml[] };
    for (const e of doc.entities) declaredIn.set(e.id, [...(declaredIn.get(e.id) ?? []), f]);
  }
  const [id, declaring] = [...declaredIn.entries()].sort(
    (a, b) => b[1].length - a[1].length,
  )[0] as [string, string[]];
  shared = { id, lastFile: declaring[declaring.length - 1] as string };
  const file = path.join(dir, shared.lastFile);
  const doc = parse(readFileSync(file, 'utf8')) as { entities: EntityYaml[] };
  for (const e of doc.entities) if (e.id === id) e.description = sharedDescription;
  writeFileSync(file, stringify(doc, { lineWidth: 0 }));
  first = await seedCorpus(driver, { database: testNeo4j().database, paths: [dir] });
}, 120_000);

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await driver.close();
});

describe('seeding many new articles', () => {
  it('creates every article', () => {
    expect(first.articles).toHaveLength(40);
    expect(first.articles.every((a) => a.status === 'created')).toBe(true);
  });

  it('gives a shared entity the properties of the last article declaring it', async () => {
    const { records } = await driver.executeQuery(
      'MATCH (e:Entity {id: $id}) RETURN e.description AS description',
      { id: shared.id },
      { database: testNeo4j().database },
    );
    expect(records.map((r) => r.get('description') as string)).toEqual([sharedDescription]);
  });

  it('leaves the graph a sequential MERGE rewrite finds complete: it creates and removes nothing', async () => {
    const before = await graphDump(driver);
    const forced = await seedCorpus(driver, {
      database: testNeo4j().database,
      paths: [dir],
      force: true,
    });
    expect(forced.articles.every((a) => a.status === 'updated')).toBe(true);
    expect(forced.counters).toMatchObject({
      nodesCreated: 0,
      nodesDeleted: 0,
      relationshipsCreated: 0,
      relationshipsDeleted: 0,
      labelsAdded: 0,
      labelsRemoved: 0,
    });
    expect(await graphDump(driver)).toEqual(before);
  }, 120_000);
});
