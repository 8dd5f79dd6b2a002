/**
 * Bad input: every case is refused with an error naming the file, the path inside it and the
 * line, and the graph is left exactly as it was (the whole corpus is validated before any write).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCorpus, SeedValidationError, type SeedIssue } from '../../src/seed/index.js';
import { clearGraph, createTestDriver, testNeo4j } from '../helpers/neo4j.js';
import {
  copyAnnotation,
  FIRST_ARTICLE_YAML,
  graphDump,
  indexOfId,
  SECOND_ARTICLE_YAML,
  seedTestCorpus,
  type AnnotationEdit,
} from '../helpers/seed.js';

let driver: Driver;

beforeAll(async () => {
  driver = createTestDriver();
  await seedTestCorpus(driver);
});

afterAll(async () => {
  await driver.close();
});

/** 1-based line of the `nth` (1-based) line of `file` containing `marker`. */
function lineOf(file: string, marker: string, nth = 1): number {
  const lines = readFileSync(file, 'utf8').split('\n');
  const found = lines.flatMap((l, i) => (l.includes(marker) ? [i + 1] : []));
  const line = found[nth - 1];
  if (line === undefined) throw new Error(`marker ${marker} (#${nth}) not in ${file}`);
  return line;
}

/**
 * Seeds a broken copy of the first article (plus a valid copy of the second, which must not
 * be written either); returns the issues, after checking the graph did not change.
 */
async function refused(
  edit: AnnotationEdit,
): Promise<{ file: string; issues: readonly SeedIssue[] }> {
  const file = copyAnnotation(FIRST_ARTICLE_YAML, edit);
  const valid = copyAnnotation(SECOND_ARTICLE_YAML);
  const before = await graphDump(driver);
  let error: unknown;
  try {
    await seedCorpus(driver, { database: testNeo4j().database, paths: [valid, file] });
  } catch (err) {
    error = err;
  }
  expect(error).toBeInstanceOf(SeedValidationError);
  const issues = (error as SeedValidationError).issues;
  expect(await graphDump(driver)).toEqual(before);
  for (const issue of issues) expect(issue.file).toBe(file);
  // The message lists each problem as file:line:column path: message.
  for (const issue of issues) {
    expect((error as Error).message).toContain(`${file}:${issue.line}`);
  }
  return { file, issues };
}

const fact = (doc: Parameters<NonNullable<AnnotationEdit['doc']>>[0], id: string) =>
  indexOfId(doc, 'facts', id);

describe('bad input is refused and writes nothing', () => {
  it('malformed YAML: names the line', async () => {
    const { file, issues } = await refused({
      text: (s) => s.replace('quotes:\n', 'quotes:\n  - id: broken\n    text: [unclosed\n'),
    });
    expect(issues.length).toBeGreaterThan(0);
    expect(issues[0]?.message).toMatch(/^malformed YAML/);
    expect(issues[0]?.line).toBeGreaterThanOrEqual(lineOf(file, 'text: [unclosed'));
  });

  it('unknown entity reference', async () => {
    let at = -1;
    const { file, issues } = await refused({
      doc: (doc) => {
        at = fact(doc, 'smailov-holds-prime-minister');
        doc.setIn(['facts', at, 'to'], 'office/prime-minister-of-narnia');
      },
    });
    expect(issues).toEqual([
      {
        file,
        path: `facts[${at}].to`,
        line: lineOf(file, 'office/prime-minister-of-narnia'),
        column: expect.any(Number),
        message: expect.stringMatching(/unknown reference "office\/prime-minister-of-narnia"/),
      },
    ]);
  });

  it('duplicate id', async () => {
    const { file, issues } = await refused({
      doc: (doc) => doc.setIn(['claims', 0, 'id'], 'continue-joint-work'),
    });
    const duplicate = issues.find((i) => i.path === 'claims[0].id');
    expect(duplicate?.message).toMatch(
      /duplicate id "continue-joint-work" \(first declared at quotes\[0\]\)/,
    );
    expect(duplicate?.line).toBe(lineOf(file, '- id: continue-joint-work', 2));
  });

  it('an article that declares a registered entity again', async () => {
    const { file, issues } = await refused({
      doc: (doc) =>
        doc.addIn(['entities'], {
          id: 'country/kg',
          kind: 'Country',
          names: { kk: 'Қырғызстан', ru: 'Киргизия', en: 'Kyrgyzstan' },
          iso3166Alpha2: 'KG',
          iso3166Alpha3: 'KGZ',
        }),
    });
    expect(issues).toEqual([
      {
        file,
        path: 'entities[1].id',
        line: lineOf(file, 'id: country/kg'),
        column: expect.any(Number),
        message: expect.stringMatching(
          /^"country\/kg" is a registered entity \(declared at .*entities\/countries\.yaml:\d+:\d+\): refer to it by id/,
        ),
      },
    ]);
  });

  it('wrong type at a relationship end', async () => {
    let at = -1;
    const { issues } = await refused({
      doc: (doc) => {
        at = fact(doc, 'smailov-holds-prime-minister');
        doc.setIn(['facts', at, 'to'], 'country/kz');
      },
    });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe(`facts[${at}].to`);
    expect(issues[0]?.message).toMatch(
      /wrong type: the end of HOLDS_OFFICE must be Office, but "country\/kz" is a Country/,
    );
  });

  it('wrong type of a qualifier reference and of the source', async () => {
    let at = -1;
    const { issues } = await refused({
      doc: (doc) => {
        at = fact(doc, 'smailov-participated');
        doc.setIn(['facts', at, 'countryId'], 'person/alikhan-smailov');
        doc.setIn(['article', 'source'], 'country/kz');
      },
    });
    expect(issues.map((i) => [i.path, i.message])).toEqual([
      [
        'article.source',
        'wrong type: the source must be Organization, but "country/kz" is a Country',
      ],
      [
        `facts[${at}].countryId`,
        'wrong type: countryId must be Country, but "person/alikhan-smailov" is a Person',
      ],
    ]);
  });

  it('unknown entity kind', async () => {
    const { file, issues } = await refused({
      doc: (doc) => doc.setIn(['entities', 0, 'kind'], 'Planet'),
    });
    expect(issues[0]?.path).toBe('entities[0].kind');
    expect(issues[0]?.line).toBe(lineOf(file, 'kind: Planet'));
  });

  it('missing translation of a quote', async () => {
    const { file, issues } = await refused({
      doc: (doc) => doc.deleteIn(['quotes', 1, 'translation']),
    });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe('quotes[1].translation');
    expect(issues[0]?.message).toMatch(/required but missing/);
    // A missing key has no line of its own: the error points at the quote that lacks it.
    expect(issues[0]?.line).toBe(lineOf(file, '- id: main-partner-and-trade'));
  });

  it('missing Russian name of an entity', async () => {
    const { issues } = await refused({
      doc: (doc) => doc.deleteIn(['entities', 0, 'names', 'ru']),
    });
    expect(issues.map((i) => [i.path, i.message])).toEqual([
      ['entities[0].names.ru', 'required but missing (expected string)'],
    ]);
  });

  it('evidence that does not occur verbatim in the text names the fact and the excerpt', async () => {
    let at = -1;
    const { file, issues } = await refused({
      doc: (doc) => {
        at = fact(doc, 'cholpon-ata-in-kyrgyzstan');
        doc.setIn(['facts', at, 'evidence', 0], 'Шолпан-Атада (Қазақстан)');
      },
    });
    expect(issues).toEqual([
      {
        file,
        path: `facts[${at}].evidence[0]`,
        line: lineOf(file, 'Шолпан-Атада (Қазақстан)'),
        column: expect.any(Number),
        message:
          'evidence of "cholpon-ata-in-kyrgyzstan": excerpt not found verbatim in the text: "Шолпан-Атада (Қазақстан)"; ' +
          'nearest match at code point 95: "Шолпан-Атада (Қырғызстан) өтіп жатқан Еуразия", which differs at character 16 ' +
          'of the excerpt (code point 110 of the text): the text has "ы" (U+044B) where the excerpt has "а" (U+0430)',
      },
    ]);
  });

  it('a quote not in the text', async () => {
    const { issues } = await refused({
      doc: (doc) => doc.setIn(['quotes', 0, 'text'], 'Біз бірге жұмыс істейміз'),
    });
    expect(issues[0]?.path).toBe('quotes[0].text');
    expect(issues[0]?.message).toMatch(/quote "continue-joint-work": excerpt not found verbatim/);
  });

  it('an ambiguous excerpt needs an occurrence or an offset', async () => {
    let at = -1;
    const { issues } = await refused({
      doc: (doc) => {
        at = fact(doc, 'smailov-holds-prime-minister');
        doc.setIn(['facts', at, 'evidence', 0], 'Әлихан Смайылов');
      },
    });
    expect(issues[0]?.path).toBe(`facts[${at}].evidence[0]`);
    expect(issues[0]?.message).toMatch(
      /occurs 4 times \(at code points \d+, .*\); say which with occurrence: N or start: offset/,
    );
  });

  it('an occurrence beyond the last one', async () => {
    const { issues } = await refused({
      doc: (doc) =>
        doc.setIn(
          ['facts', fact(doc, 'smailov-holds-prime-minister'), 'evidence', 0],
          doc.createNode({ text: 'Әлихан Смайылов', occurrence: 9 }),
        ),
    });
    expect(issues[0]?.message).toMatch(
      /occurrence 9 of "Әлихан Смайылов" asked for, but it occurs 4 times/,
    );
  });

  it('an offset past the end of the text', async () => {
    const { issues } = await refused({
      doc: (doc) =>
        doc.setIn(
          ['facts', fact(doc, 'smailov-holds-prime-minister'), 'evidence', 0],
          doc.createNode({ text: 'Смайылов', start: 99999 }),
        ),
    });
    expect(issues[0]?.path).toMatch(/^facts\[\d+\]\.evidence\[0\]$/);
    expect(issues[0]?.message).toMatch(
      /offset 99999 is past the end of the text \(\d+ code points\)/,
    );
  });

  it('an offset where the excerpt is not', async () => {
    const { issues } = await refused({
      doc: (doc) =>
        doc.setIn(
          ['facts', fact(doc, 'smailov-holds-prime-minister'), 'evidence', 0],
          doc.createNode({ text: 'Смайылов', start: 0 }),
        ),
    });
    expect(issues[0]?.message).toMatch(
      /the text at offset 0 reads "25 там, ", not the excerpt "Смайылов"/,
    );
  });

  it('a fact without evidence', async () => {
    const { issues } = await refused({
      doc: (doc) => doc.setIn(['facts', 0, 'evidence'], doc.createNode([])),
    });
    expect(issues.map((i) => [i.path, i.message])).toEqual([
      ['facts[0].evidence', 'a fact needs at least one evidence excerpt'],
    ]);
  });

  it('a currency figure without a currency', async () => {
    const { issues } = await refused({
      doc: (doc) =>
        doc.deleteIn([
          'numericFacts',
          indexOfId(doc, 'numericFacts', 'trade-turnover-2021'),
          'currency',
        ]),
    });
    expect(issues[0]?.message).toMatch(/required when unit is CURRENCY/);
  });

  it('a figure written one character off: the nearest match and the character', async () => {
    let at = -1;
    const { issues } = await refused({
      doc: (doc) => {
        at = indexOfId(doc, 'numericFacts', 'trade-turnover-2021');
        doc.setIn(['numericFacts', at, 'surfaceText'], '$24.2 млрд');
      },
    });
    expect(issues.map((i) => [i.path, i.message])).toEqual([
      [
        `numericFacts[${at}].surfaceText`,
        expect.stringMatching(
          /^not found verbatim in the text: "\$24\.2 млрд"; nearest match at code point \d+: "\$24,2 млрд.*", which differs at character 4 of the excerpt \(code point \d+ of the text\): the text has "," \(U\+002C\) where the excerpt has "\." \(U\+002E\)$/,
        ),
      ],
    ]);
  });

  it('a claim said to be inside a quote that does not contain its evidence', async () => {
    const { issues } = await refused({
      doc: (doc) =>
        doc.setIn(
          ['quotes', 0, 'contains'],
          doc.createNode(['russia-values-good-neighbourliness']),
        ),
    });
    expect(issues[0]?.path).toBe('quotes[0].contains[0]');
    expect(issues[0]?.message).toMatch(/lies outside the quote/);
  });

  it('an unknown field (a typo) is refused, not ignored, at the key itself', async () => {
    const { file, issues } = await refused({
      doc: (doc) => doc.setIn(['facts', 0, 'evidance'], doc.createNode(['x'])),
    });
    const line = lineOf(file, 'evidance:');
    expect(issues).toEqual([
      {
        file,
        path: 'facts[0].evidance',
        line,
        column: (readFileSync(file, 'utf8').split('\n')[line - 1] ?? '').indexOf('evidance') + 1,
        message: 'unknown key "evidance" (not in the annotation schema: a typo?)',
      },
    ]);
  });

  it('a path that does not exist', async () => {
    const missing = path.join(path.dirname(FIRST_ARTICLE_YAML), 'no-such-article.yaml');
    await expect(
      seedCorpus(driver, { database: testNeo4j().database, paths: [missing] }),
    ).rejects.toThrow(`${missing}: no such file or folder`);
  });
});

describe('a failure while writing', () => {
  it('rolls the article back: the graph is exactly as it was', async () => {
    await clearGraph(driver);
    await seedCorpus(driver, {
      database: testNeo4j().database,
      paths: [copyAnnotation(SECOND_ARTICLE_YAML)],
    });
    // A node that breaks the Person id constraint once the seeder labels Mishustin a Person:
    // the article, its sentences and its countries are already written by then.
    await driver.executeQuery(
      "CREATE (:Person {id: 'person/mikhail-mishustin'})",
      {},
      { database: testNeo4j().database },
    );
    const before = await graphDump(driver);
    await expect(
      seedCorpus(driver, {
        database: testNeo4j().database,
        paths: [copyAnnotation(FIRST_ARTICLE_YAML)],
      }),
    ).rejects.toThrow(/already exists|ConstraintValidationFailed/);
    expect(await graphDump(driver)).toEqual(before);
  });
});

describe('an entity id the graph already holds with another kind', () => {
  it('is refused before writing, naming the file and the entity', async () => {
    await clearGraph(driver);
    await seedCorpus(driver, {
      database: testNeo4j().database,
      paths: [copyAnnotation(FIRST_ARTICLE_YAML)],
    });
    const before = await graphDump(driver);
    // The second article, seeded on its own, declares the first's meeting as an Event.
    const second = copyAnnotation(SECOND_ARTICLE_YAML, {
      text: (s) =>
        s
          .replace(
            'kind: Meeting\n    meetingType: MULTILATERAL\n    date:',
            'kind: Event\n    eventType: FORUM\n    startDate:',
          )
          .replace(/meeting\/fixture-smailov-investors/g, 'meeting/2022-08-25-smailov-mishustin'),
    });
    const error = await seedCorpus(driver, {
      database: testNeo4j().database,
      paths: [second],
    }).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(SeedValidationError);
    const kindLine = readFileSync(second, 'utf8')
      .split('\n')
      .findIndex((l) => l.includes('kind: Event'));
    expect((error as SeedValidationError).issues).toEqual([
      {
        file: second,
        path: expect.stringMatching(/^entities\[\d\]\.kind$/),
        line: kindLine + 1,
        column: 11,
        message:
          'wrong type: "meeting/2022-08-25-smailov-mishustin" is a Event here but a Meeting in the graph (seeded from another article)',
      },
    ]);
    expect(await graphDump(driver)).toEqual(before);
  });
});
