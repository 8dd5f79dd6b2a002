import { describe, expect, it } from 'vitest';
import { batchesOf } from '../../../src/seed/batches.js';
import { planCorpus } from '../../../src/seed/index.js';
import type { ArticlePlan } from '../../../src/seed/plan.js';
import { batchEntities, batchParameters, plannedRows } from '../../../src/seed/statement.js';
import { FIRST_ARTICLE_YAML_PATH, SECOND_ARTICLE_YAML_PATH } from './paths.js';

const [first, second] = planCorpus([FIRST_ARTICLE_YAML_PATH, SECOND_ARTICLE_YAML_PATH]) as [
  ArticlePlan,
  ArticlePlan,
];

describe('batchesOf (grouping new articles into transactions)', () => {
  const plans = [first, second, first, second, first];
  const rows = plannedRows(first) + plannedRows(second);

  it('keeps corpus order and caps the number of articles', () => {
    const batches = batchesOf([0, 1, 2, 3, 4], (i) => plans[i] as ArticlePlan, {
      maxArticles: 2,
      maxRows: 1_000_000,
    });
    expect(batches).toEqual([[0, 1], [2, 3], [4]]);
  });

  it('caps the planned rows, and gives an article larger than the cap a batch of its own', () => {
    expect(
      batchesOf([0, 1, 2, 3, 4], (i) => plans[i] as ArticlePlan, {
        maxArticles: 50,
        maxRows: rows,
      }),
    ).toEqual([[0, 1], [2, 3], [4]]);
    expect(
      batchesOf([0, 1], (i) => plans[i] as ArticlePlan, { maxArticles: 50, maxRows: 1 }),
    ).toEqual([[0], [1]]);
  });

  it('refuses limits below 1, naming them', () => {
    expect(() => batchesOf([0], () => first, { maxArticles: 0, maxRows: 10 })).toThrow(
      'batch limits must be at least 1, got {"maxArticles":0,"maxRows":10}',
    );
  });
});

describe('one statement for a batch (parameters)', () => {
  it('writes an entity two articles share once, and entities in id order (one lock order)', () => {
    const ids = batchEntities([first, second]).map((e) => e.id);
    const shared = first.entities.filter((e) => second.entities.some((s) => s.id === e.id));
    expect(shared.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort());
  });

  it("covers every article's rows, each source with its article", () => {
    const params = batchParameters([first, second]) as {
      articles: Array<{ id: string }>;
      mentions: unknown[];
      sources: Array<{ articleId: string; sourceId: string }>;
    };
    expect(params.articles.map((a) => a.id)).toEqual([first.articleId, second.articleId]);
    expect(params.mentions).toHaveLength(first.mentions.length + second.mentions.length);
    expect(params.sources).toEqual(
      [first, second]
        .filter((p) => p.sourceId !== null)
        .map((p) => ({ articleId: p.articleId, sourceId: p.sourceId })),
    );
  });
});
