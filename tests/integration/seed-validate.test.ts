/**
 * Validation without blocking the event loop (src/seed/validate.ts): in worker threads when
 * asked, the plans and the problems are those the main thread finds, in corpus order; a bad
 * file still writes nothing; the write plans' warm-up, sent during validation, writes nothing.
 */
import {
  cpSync,
  copyFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../bench/generate-corpus.js';
import {
  planCorpus,
  seedCorpus,
  SeedValidationError,
  validateCorpus,
} from '../../src/seed/index.js';
import { warmWritePlans } from '../../src/seed/warm.js';
import { clearGraph, createTestDriver, testNeo4j } from '../helpers/neo4j.js';
import { graphDump } from '../helpers/seed.js';

let driver: Driver;
let dir: string;
let files: string[];
const database = () => testNeo4j().database;

beforeAll(async () => {
  driver = createTestDriver();
  dir = mkdtempSync(path.join(tmpdir(), 'togys-seed-validate-'));
  writeCorpus(dir, { seed: 5, count: 12 });
  files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => path.join(dir, f));
  await clearGraph(driver);
});

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await driver.close();
});

/** The first file with its first meeting's type made invalid; returns the line it is on. */
function breakMeetingType(file: string): number {
  const lines = readFileSync(file, 'utf8').split('\n');
  const index = lines.findIndex((l) => l.trim().startsWith('meetingType:'));
  lines[index] = lines[index]!.replace(/meetingType: \w+/, 'meetingType: SOMETIMES');
  writeFileSync(file, lines.join('\n'));
  return index + 1;
}

function issuesOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    if (error instanceof SeedValidationError) return error.issues;
    throw error;
  }
  throw new Error('expected a SeedValidationError');
}

describe('validation in worker threads', () => {
  it('gives the plans the main thread gives, with driver values (Integer, Date…) intact', async () => {
    const inWorkers = await validateCorpus([dir], { threads: 2 });
    expect(inWorkers.map((p) => p.articleId)).toEqual(
      files.map((f) => `article/${path.basename(f, '.yaml')}`),
    );
    // toStrictEqual compares classes too: a plain {low, high} is not an Integer.
    expect(inWorkers).toStrictEqual(planCorpus([dir]));
  });

  it('names each bad file with its line, in corpus order, and a bad corpus writes nothing', async () => {
    const bad = mkdtempSync(path.join(tmpdir(), 'togys-seed-validate-bad-'));
    try {
      for (const f of files) copyFileSync(f, path.join(bad, path.basename(f)));
      for (const f of readdirSync(dir).filter((f) => f.endsWith('.txt')))
        copyFileSync(path.join(dir, f), path.join(bad, f));
      cpSync(path.join(dir, 'entities'), path.join(bad, 'entities'), { recursive: true });
      const first = path.join(bad, path.basename(files[0]!));
      const line = breakMeetingType(first);
      // The same article under another file name: a problem across articles.
      const twin = path.join(bad, 'zz-twin.yaml');
      copyFileSync(path.join(bad, path.basename(files[1]!)), twin);

      const expected = issuesOf(() => planCorpus([bad]));
      expect(expected).toEqual([
        expect.objectContaining({ file: first, line, path: expect.stringMatching(/meetingType$/) }),
        expect.objectContaining({
          file: twin,
          path: 'article.slug',
          line: expect.any(Number),
          message: expect.stringContaining('duplicate article slug'),
        }),
      ]);
      const rejection = await validateCorpus([bad], { threads: 2 }).catch((e: unknown) => e);
      expect(rejection).toBeInstanceOf(SeedValidationError);
      expect((rejection as SeedValidationError).issues).toEqual(expected);

      await clearGraph(driver);
      const before = await graphDump(driver);
      await expect(
        seedCorpus(driver, { database: database(), paths: [bad], validation: { threads: 2 } }),
      ).rejects.toBeInstanceOf(SeedValidationError);
      expect(await graphDump(driver)).toEqual(before);
    } finally {
      rmSync(bad, { recursive: true, force: true });
    }
  });

  it('seeds the graph that validating on the main thread seeds', async () => {
    await clearGraph(driver);
    await seedCorpus(driver, { database: database(), paths: [dir] });
    const mainThread = await graphDump(driver);
    await clearGraph(driver);
    const report = await seedCorpus(driver, {
      database: database(),
      paths: [dir],
      validation: { threads: 2 },
    });
    expect(report.articles.map((a) => a.status)).toEqual(files.map(() => 'created'));
    expect(await graphDump(driver)).toEqual(mainThread);
  });
});

describe('warming the write plans', () => {
  it('writes nothing', async () => {
    await clearGraph(driver);
    await seedCorpus(driver, { database: database(), paths: [files[0]!] });
    const before = await graphDump(driver);
    await warmWritePlans(driver, database());
    expect(await graphDump(driver)).toEqual(before);
  });
});
