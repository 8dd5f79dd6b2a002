/**
 * Seed files from people we do not fully trust (issue 14, items 7–10): a text file outside the
 * annotation's folder, bytes that are not UTF-8, NUL characters, YAML tags, numbers a double
 * cannot keep, an empty text, an excerpt one character off. Each is refused with an error at
 * its file, line and column, and the graph is exactly as it was, `seededAt` included.
 */
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCorpus, SeedValidationError, type SeedIssue } from '../../src/seed/index.js';
import { createTestDriver, testNeo4j } from '../helpers/neo4j.js';
import {
  copyAnnotation,
  graphDump,
  indexOfId,
  SECOND_ARTICLE_YAML,
  seedTestCorpus,
  type AnnotationEdit,
} from '../helpers/seed.js';

const HOSTILE = path.resolve(import.meta.dirname, '../fixtures/seed/hostile');
const TEXT_FILE = 'fixture-smailov-investors.kk.txt';

let driver: Driver;

beforeAll(async () => {
  driver = createTestDriver();
  await seedTestCorpus(driver);
});

afterAll(async () => {
  await driver.close();
});

/** 1-based line and column of the first `marker` in `file`. */
function positionOf(file: string, marker: string): { line: number; column: number } {
  const lines = readFileSync(file, 'utf8').split('\n');
  const line = lines.findIndex((l) => l.includes(marker));
  if (line < 0) throw new Error(`marker ${marker} not in ${file}`);
  return {
    line: line + 1,
    column: Array.from((lines[line] as string).split(marker)[0] ?? '').length + 1,
  };
}

/** Seeds `file`; expects a SeedValidationError and an unchanged graph; returns the issues. */
async function refusedFile(file: string): Promise<readonly SeedIssue[]> {
  const before = await graphDump(driver, { withSeededAt: true });
  const error = await seedCorpus(driver, { database: testNeo4j().database, paths: [file] }).catch(
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(SeedValidationError);
  expect(await graphDump(driver, { withSeededAt: true })).toEqual(before);
  return (error as SeedValidationError).issues;
}

/** A copy of the second fixture article, edited; refused as `refusedFile` says. */
async function refused(edit: AnnotationEdit, dir?: string) {
  const file = copyAnnotation(SECOND_ARTICLE_YAML, edit, dir);
  return { file, issues: await refusedFile(file) };
}

const withTextFile = (textFile: string): AnnotationEdit => ({
  text: (s) => s.replace(`textFile: ${TEXT_FILE}`, `textFile: ${textFile}`),
});

describe('a text file must stay inside the annotation folder (item 7)', () => {
  it.each([
    ['an absolute path', '/proc/self/environ', 'is an absolute path'],
    ['a way out with ../', '../../../../etc/passwd', 'leads out of the folder'],
    ['a way out that comes back in name only', `../${TEXT_FILE}`, 'leads out of the folder'],
  ])('%s is refused at the textFile key', async (_, textFile, why) => {
    const { file, issues } = await refused(withTextFile(textFile));
    expect(issues).toEqual([
      {
        file,
        path: 'article.textFile',
        ...positionOf(file, 'textFile:'),
        message: expect.stringContaining(`${JSON.stringify(textFile)} ${why}`),
      },
    ]);
  });

  it('a link inside the folder that leads out of it is refused', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'togys-hostile-'));
    const outside = path.join(mkdtempSync(path.join(tmpdir(), 'togys-secret-')), 'secret.txt');
    writeFileSync(outside, 'Әлихан Смайылов Астанада шетелдік инвесторлармен кездесті. SECRET=1\n');
    symlinkSync(outside, path.join(dir, 'linked.kk.txt'));
    const { file, issues } = await refused(withTextFile('linked.kk.txt'), dir);
    expect(issues).toEqual([
      {
        file,
        path: 'article.textFile',
        ...positionOf(file, 'textFile:'),
        message: expect.stringContaining(
          `"linked.kk.txt" is a link to ${outside}, outside the folder`,
        ),
      },
    ]);
  });

  it('a link to a file in a subfolder stays allowed (dry run)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'togys-hostile-'));
    const file = copyAnnotation(SECOND_ARTICLE_YAML, withTextFile('texts/linked.kk.txt'), dir);
    mkdirSync(path.join(dir, 'texts'));
    symlinkSync(path.join(dir, TEXT_FILE), path.join(dir, 'texts', 'linked.kk.txt'));
    const report = await seedCorpus(driver, {
      database: testNeo4j().database,
      paths: [file],
      dryRun: true,
    });
    expect(report.articles.map((a) => a.status)).toEqual(['planned']);
  });
});

describe('bytes that are not text, and YAML tags (item 8)', () => {
  it('invalid UTF-8 in the annotation: the line and column of the bad byte', async () => {
    const file = copyAnnotation(SECOND_ARTICLE_YAML);
    const source = readFileSync(file);
    const marker = Buffer.from('sourceName: togys');
    const at = source.indexOf(marker) + 'sourceName: '.length;
    writeFileSync(
      file,
      Buffer.concat([source.subarray(0, at), Buffer.from([0xff]), source.subarray(at)]),
    );
    const issues = await refusedFile(file);
    const { line } = positionOf(copyAnnotation(SECOND_ARTICLE_YAML), 'sourceName: togys');
    expect(issues).toEqual([
      {
        file,
        path: '',
        line,
        column: 15,
        message: `not valid UTF-8: byte 0xFF at byte offset ${at} (save the file as UTF-8)`,
      },
    ]);
  });

  it('invalid UTF-8 in the text file: refused at textFile, naming the place in the text', async () => {
    const file = copyAnnotation(SECOND_ARTICLE_YAML);
    const text = path.join(path.dirname(file), TEXT_FILE);
    // A truncated two-byte sequence (the first byte of "ә") on line 3.
    const bytes = readFileSync(text);
    const cut = bytes.indexOf(Buffer.from('Премьер'));
    writeFileSync(
      text,
      Buffer.concat([bytes.subarray(0, cut), Buffer.from([0xd3]), bytes.subarray(cut)]),
    );
    const issues = await refusedFile(file);
    expect(issues).toEqual([
      {
        file,
        path: 'article.textFile',
        ...positionOf(file, 'textFile:'),
        message: `the text file ${text}:3:1: not valid UTF-8: byte 0xD3 at byte offset ${cut} (save the file as UTF-8)`,
      },
    ]);
  });

  it('a NUL byte in the annotation', async () => {
    const { file, issues } = await refused({
      text: (s) => s.replace('sourceName: togys test fixture', 'sourceName: togys\0test fixture'),
    });
    expect(issues).toEqual([
      {
        file,
        path: '',
        ...positionOf(file, '\0'),
        message: 'contains a NUL character (U+0000); a seed file is text',
      },
    ]);
  });

  it('a NUL written as an escape in a YAML string', async () => {
    const { file, issues } = await refused({
      text: (s) => s.replace('sourceName: togys test fixture', 'sourceName: "togys\\0test"'),
    });
    expect(issues).toEqual([
      {
        file,
        path: 'article.sourceName',
        ...positionOf(file, '"togys\\0test"'),
        message: 'contains a NUL character (U+0000, written as an escape); a seed file is text',
      },
    ]);
  });

  it('a NUL byte in the text file', async () => {
    const file = copyAnnotation(SECOND_ARTICLE_YAML);
    const text = path.join(path.dirname(file), TEXT_FILE);
    writeFileSync(text, readFileSync(text, 'utf8').replace('шетелдік', 'шетел\0дік'));
    const { line, column } = positionOf(text, '\0');
    const issues = await refusedFile(file);
    expect(issues).toEqual([
      {
        file,
        path: 'article.textFile',
        ...positionOf(file, 'textFile:'),
        message: `the text file ${text}:${line}:${column}: contains a NUL character (U+0000); a seed file is text`,
      },
    ]);
  });

  it.each([
    ['!!js/function', 'sourceName: !!js/function "function () { return process.env }"'],
    ['!custom', 'sourceName: !custom togys test fixture'],
  ])('the unknown tag %s is refused where it is written', async (tag, line) => {
    const { file, issues } = await refused({
      text: (s) => s.replace('sourceName: togys test fixture', line),
    });
    expect(issues).toEqual([
      {
        file,
        path: 'article.sourceName',
        ...positionOf(file, tag),
        message: `unknown YAML tag ${tag}: annotations hold plain values, without tags`,
      },
    ]);
  });

  it('a hostile file kept as a fixture: a tag on a key', async () => {
    const issues = await refusedFile(path.join(HOSTILE, 'tag-on-key.yaml'));
    expect(issues).toEqual([
      {
        file: path.join(HOSTILE, 'tag-on-key.yaml'),
        path: 'article',
        line: 3,
        column: 3,
        message:
          'unknown YAML tag !!python/name:os.system: annotations hold plain values, without tags',
      },
    ]);
  });
});

describe('located errors (item 9)', () => {
  it.each([
    ['empty', ''],
    ['blank', ' \n\n  \n'],
  ])('an %s text file gives one error saying so', async (_, content) => {
    const file = copyAnnotation(SECOND_ARTICLE_YAML);
    const text = path.join(path.dirname(file), TEXT_FILE);
    writeFileSync(text, content);
    expect(await refusedFile(file)).toEqual([
      {
        file,
        path: 'article.textFile',
        ...positionOf(file, 'textFile:'),
        message: `the text file ${text} is empty: an annotation needs its article's text`,
      },
    ]);
  });

  it('a missing text file gives one error saying so', async () => {
    const { file, issues } = await refused(withTextFile('no-such-text.kk.txt'));
    expect(issues).toEqual([
      {
        file,
        path: 'article.textFile',
        ...positionOf(file, 'textFile:'),
        message: `the text file ${path.join(path.dirname(file), 'no-such-text.kk.txt')} cannot be read: no such file`,
      },
    ]);
  });

  it('an excerpt one character off (an en dash for an em dash) shows the nearest match and the character', async () => {
    const excerpt = 'жасаймыз», – деді Әлихан Смайылов';
    let at = -1;
    const { file, issues } = await refused({
      doc: (doc) => {
        at = indexOfId(doc, 'facts', 'smailov-holds-prime-minister');
        doc.setIn(['facts', at, 'evidence', 0], excerpt);
      },
    });
    const text = readFileSync(path.join(path.dirname(file), TEXT_FILE), 'utf8');
    const start = Array.from(text.slice(0, text.indexOf('жасаймыз»'))).length;
    expect(issues).toEqual([
      {
        file,
        path: `facts[${at}].evidence[0]`,
        ...positionOf(file, JSON.stringify(excerpt)),
        message:
          `evidence of "smailov-holds-prime-minister": excerpt not found verbatim in the text: ${JSON.stringify(excerpt)}; ` +
          `nearest match at code point ${start}: "жасаймыз», — деді Әлихан Смайылов.\\n", which differs at character 12 ` +
          `of the excerpt (code point ${start + 11} of the text): the text has "—" (U+2014) where the excerpt has "–" (U+2013)`,
      },
    ]);
  });
});

describe('numbers a double cannot keep (item 10)', () => {
  it('a 30-digit number is refused where it is written, not rounded', async () => {
    const digits = '123456789012345678901234567890';
    let at = -1;
    const { file, issues } = await refused({
      doc: (doc) => {
        at = indexOfId(doc, 'facts', 'smailov-holds-prime-minister');
        doc.setIn(
          ['facts', at, 'evidence', 0],
          doc.createNode({ text: 'Премьер-Министр', start: 7 }),
        );
      },
      text: (s) => s.replace('start: 7', `start: ${digits}`),
    });
    expect(issues).toEqual([
      {
        file,
        path: `facts[${at}].evidence[0].start`,
        ...positionOf(file, digits),
        message: `the number ${digits} is beyond ±2^53 (9007199254740991): it cannot be stored exactly and would be rounded to 1.2345678901234568e+29`,
      },
    ]);
  });
});
