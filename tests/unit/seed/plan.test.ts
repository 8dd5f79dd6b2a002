import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIssue, formatPath, type SeedIssue } from '../../../src/seed/errors.js';
import { planCorpus, type SeedValidationError } from '../../../src/seed/index.js';
import { contentHash, toDateTime } from '../../../src/seed/plan.js';
import { copyAnnotation, FIRST_ARTICLE_YAML, SECOND_ARTICLE_YAML } from '../../helpers/seed.js';
import { FIRST_ARTICLE_YAML_PATH } from './paths.js';

describe('planCorpus on the first article (no database)', () => {
  const [plan] = planCorpus([FIRST_ARTICLE_YAML_PATH]);

  it('plans the article with stable ids', () => {
    expect(plan?.articleId).toBe('article/2022-08-25-smailov-mishustin');
    expect(plan?.sentences[0]?.id).toBe('sentence/2022-08-25-smailov-mishustin/0');
    expect(plan?.factNodes.map((f) => f.id)).toContain(
      'numeric-fact/2022-08-25-smailov-mishustin/trade-turnover-2021',
    );
  });

  it('gives every fact relationship provenance: factId, sentenceIds and evidence', () => {
    for (const r of plan?.relationships ?? []) {
      expect(r.props.factId).toBe(r.factId);
      expect(r.props.articleId).toBe(plan?.articleId);
      expect((r.props.sentenceIds as string[]).length, r.factId).toBeGreaterThan(0);
      expect((r.props.evidence as string[]).length, r.factId).toBeGreaterThan(0);
    }
  });

  it('every entity is mentioned or used', () => {
    const used = new Set([
      ...(plan?.mentions.map((m) => m.entityId) ?? []),
      ...(plan?.relationships.flatMap((r) => [r.fromId, r.toId]) ?? []),
    ]);
    for (const e of plan?.entities ?? []) expect(used.has(e.id), e.id).toBe(true);
  });
});

describe('helpers', () => {
  it('toDateTime keeps the offset of the place of publication', () => {
    const dt = toDateTime('2022-08-25T23:33:00+06:00');
    expect(dt.toString()).toBe('2022-08-25T23:33:00+06:00');
    expect(toDateTime('2022-08-25T17:33:00.5Z').toString()).toBe('2022-08-25T17:33:00.500000000Z');
  });

  it('contentHash changes with the text and with the annotation', () => {
    const base = contentHash('text', 'annotation');
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(contentHash('text!', 'annotation')).not.toBe(base);
    expect(contentHash('text', 'annotation!')).not.toBe(base);
    expect(contentHash('text', 'annotation')).toBe(base);
  });

  it('formats paths and issues as file:line:column path: message', () => {
    expect(formatPath(['facts', 3, 'evidence', 0])).toBe('facts[3].evidence[0]');
    expect(
      formatIssue({ file: 'a.yaml', path: 'facts[3].to', line: 12, column: 9, message: 'bad' }),
    ).toBe('a.yaml:12:9 facts[3].to: bad');
    expect(formatIssue({ file: 'a.yaml', path: '', message: 'no such file' })).toBe(
      'a.yaml: no such file',
    );
  });
});

describe('checks across files', () => {
  it('refuses two files with the same article slug', () => {
    const a = copyAnnotation(FIRST_ARTICLE_YAML);
    const b = copyAnnotation(FIRST_ARTICLE_YAML);
    expect(() => planCorpus([a, b])).toThrow(
      new RegExp(
        `article\\.slug: duplicate article slug "2022-08-25-smailov-mishustin" \\(also in ${escape(a)}\\)`,
      ),
    );
  });

  it('refuses an entity id declared with two kinds', () => {
    const a = copyAnnotation(FIRST_ARTICLE_YAML);
    const b = copyAnnotation(SECOND_ARTICLE_YAML, {
      text: (s) =>
        s
          .replace(
            '  - id: place/astana\n    kind: Place\n    placeType: SETTLEMENT',
            '  - id: country/kg\n    kind: Place\n    placeType: SETTLEMENT',
          )
          .replace(/place\/astana/g, 'country/kg'),
    });
    let issues: readonly SeedIssue[] = [];
    try {
      planCorpus([a, b]);
    } catch (err) {
      issues = (err as SeedValidationError).issues;
    }
    expect(issues.map((i) => [i.file, i.path, i.message])).toEqual([
      [
        b,
        expect.stringMatching(/^entities\[\d\]\.kind$/),
        `wrong type: "country/kg" is a Place here but a Country in ${a}`,
      ],
    ]);
    expect(issues[0]?.line).toBeGreaterThan(0);
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('finding annotation files', () => {
  it('counts a file reached twice (its folder and itself, relative and absolute) once', () => {
    const plans = planCorpus([
      path.dirname(FIRST_ARTICLE_YAML_PATH),
      FIRST_ARTICLE_YAML_PATH,
      path.relative(process.cwd(), FIRST_ARTICLE_YAML_PATH),
    ]);
    expect(plans.map((p) => p.articleId)).toEqual(['article/2022-08-25-smailov-mishustin']);
  });
});
