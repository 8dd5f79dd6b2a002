import { describe, expect, it } from 'vitest';
import { batchesOf } from '../../../src/seed/batches.js';
import { planCorpus } from '../../../src/seed/index.js';
import type { ArticlePlan } from '../../../src/seed/plan.js';
import {
  batchEntities,
  nodeStatements,
  plannedRows,
  relationshipStatements,
  type WriteStatement,
} from '../../../src/seed/statement.js';
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

describe('the statements of a batch (parameters)', () => {
  it('writes an entity two articles share once, and entities in id order (one lock order)', () => {
    const ids = batchEntities([first, second]).map((e) => e.id);
    const shared = first.entities.filter((e) => second.entities.some((s) => s.id === e.id));
    expect(shared.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort());
  });

  it("covers every article's own nodes in one statement, and the entities in another", () => {
    const [own, entities] = nodeStatements([first, second], true) as [
      WriteStatement,
      WriteStatement,
    ];
    const ownRows = own.params.rows as Array<{ label: string; id: string; stamped: boolean }>;
    expect(ownRows.filter((r) => r.label === 'Article').map((r) => r.id)).toEqual([
      first.articleId,
      second.articleId,
    ]);
    expect(ownRows.filter((r) => r.stamped).map((r) => r.label)).toEqual(['Article', 'Article']);
    expect(ownRows).toHaveLength(
      2 +
        first.sentences.length +
        second.sentences.length +
        first.factNodes.length +
        second.factNodes.length,
    );
    const entityIds = (entities.params.rows as Array<{ id: string }>).map((r) => r.id);
    expect(entityIds).toEqual(batchEntities([first, second]).map((e) => e.id));
  });

  it('only looks up the entities an earlier transaction of the run wrote: no properties sent', () => {
    const all = batchEntities([first, second]);
    const written = new Set(all.filter((_, i) => i % 2 === 0).map((e) => e.id));
    const [, merged, looked] = nodeStatements([first, second], true, written) as [
      WriteStatement,
      WriteStatement,
      WriteStatement,
    ];
    const mergedRows = merged.params.rows as Array<{ id: string; props: object }>;
    const lookedRows = looked.params.rows as Array<Record<string, unknown>>;
    expect(mergedRows.map((r) => r.id)).toEqual(
      all.filter((e) => !written.has(e.id)).map((e) => e.id),
    );
    expect(mergedRows.every((r) => typeof r.props === 'object')).toBe(true);
    expect(lookedRows).toEqual(
      all.filter((e) => written.has(e.id)).map((e) => ({ key: `Entity|${e.id}`, id: e.id })),
    );
    expect(looked.cypher).not.toContain('SET');
  });

  it('finds relationship ends by the element ids the node statements returned', () => {
    const elementIds = new Map<string, string>();
    for (const s of nodeStatements([first, second], true))
      for (const row of s.params.rows as Array<{ key: string }>)
        elementIds.set(row.key, `element:${row.key}`);
    const [statement] = relationshipStatements([first, second], true, elementIds) as [
      WriteStatement,
    ];
    const rows = statement.params.rows as Array<{ type: string; from: string; to: string }>;
    const sources = rows.filter((r) => r.type === 'SOURCED_FROM');
    expect(sources).toEqual(
      [first, second]
        .filter((p) => p.sourceId !== null)
        .map((p) =>
          expect.objectContaining({
            from: `element:Article|${p.articleId}`,
            to: `element:Entity|${p.sourceId}`,
          }),
        ),
    );
    expect(rows.filter((r) => r.type === 'MENTIONS')).toHaveLength(
      first.mentions.length + second.mentions.length,
    );
    elementIds.delete(`Article|${first.articleId}`);
    expect(() => relationshipStatements([first], true, elementIds)).toThrow(
      `no node written for relationship end Article|${first.articleId}`,
    );
  });
});
