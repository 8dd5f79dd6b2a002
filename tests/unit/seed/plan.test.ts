import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIssue, formatPath } from '../../../src/seed/errors.js';
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
            "    kind: Meeting\n    meetingType: MULTILATERAL\n    date: '2022-09-01'",
            '    kind: Topic\n    topicType: ISSUE',
          )
          .replace(/meeting\/fixture-smailov-investors/g, 'meeting/2022-08-25-smailov-mishustin')
          .replace(/ {4}saidAt: .*\n| {4}madeAt: .*\n/g, '')
          .replace(/ {2}- id: meeting-in-astana\n( {4}.*\n)+/, '')
          .replace(/ {2}- id: smailov-participated\n( {4}.*\n)+/, ''),
    });
    expect(issuesOf(() => planCorpus([a, b]))).toEqual([
      [
        b,
        'entities[0].kind',
        `wrong type: "meeting/2022-08-25-smailov-mishustin" is a Topic here but a Meeting in ${a}`,
      ],
    ]);
  });

  it('refuses one entity declared by two articles: it belongs in the registry', () => {
    const a = copyAnnotation(FIRST_ARTICLE_YAML);
    const b = copyAnnotation(SECOND_ARTICLE_YAML, {
      text: (s) =>
        s.replace(/meeting\/fixture-smailov-investors/g, 'meeting/2022-08-25-smailov-mishustin'),
    });
    const issues = issuesOf(() => planCorpus([a, b]));
    expect(issues).toEqual([
      [
        b,
        'entities[0].id',
        `"meeting/2022-08-25-smailov-mishustin" is declared by two articles (also in ${a}): declare it once, in the entity registry (entities/), and refer to it by id`,
      ],
    ]);
  });
});

/** The issues (file, path, message) a validation throws; every one located by line too. */
function issuesOf(run: () => unknown): Array<[string, string, string]> {
  try {
    run();
  } catch (err) {
    const issues = (err as SeedValidationError).issues;
    for (const i of issues) expect(i.line, JSON.stringify(i)).toBeGreaterThan(0);
    return issues.map((i) => [i.file, i.path, i.message]);
  }
  return [];
}

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
    const ids = plans.map((p) => p.articleId);
    expect(ids).toContain('article/2022-08-25-smailov-mishustin');
    expect(new Set(ids).size).toBe(ids.length);
  });
});
