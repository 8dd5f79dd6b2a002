/**
 * The search test set (tests/fixtures/search/cases.yaml) against the seeded corpus, through
 * the real HTTP API: each query must find its entity first, and every seeded entity must have
 * cases (Kazakh and Russian case forms, Latin spellings, typos).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startSeededApi, type SeededApi } from '../helpers/graphql.js';

const CASES = parse(
  readFileSync(new URL('../fixtures/search/cases.yaml', import.meta.url), 'utf8'),
) as Record<string, string[]>;

let api: SeededApi;
beforeAll(async () => {
  api = await startSeededApi();
});
afterAll(async () => {
  await api?.close();
});

interface Hit {
  entity: { id: string };
  score: number;
  matchKind: 'EXACT' | 'STEM' | 'FUZZY';
}

interface EntityPage {
  edges: Array<{ node: { id: string } }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const search = async (query: string, first = 10) =>
  (
    await api.query<{ search: Hit[] }>(
      'query($q: String!, $first: Int) { search(query: $q, first: $first) { entity { id } score matchKind } }',
      { q: query, first },
    )
  ).search;

describe('the search test set', () => {
  const cases = Object.entries(CASES).flatMap(([id, queries]) => queries.map((q) => [q, id]));

  it('covers every seeded entity', async () => {
    const seeded: string[] = [];
    let after: string | null = null;
    do {
      const { entities }: { entities: EntityPage } = await api.query<{ entities: EntityPage }>(
        'query($after: String) { entities(first: 100, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }',
        { after },
      );
      seeded.push(...entities.edges.map((e) => e.node.id));
      after = entities.pageInfo.hasNextPage ? entities.pageInfo.endCursor : null;
    } while (after);
    expect(seeded.length).toBeGreaterThan(0);
    expect(seeded.filter((id) => !(id in CASES))).toEqual([]);
  });

  it.each(cases)('"%s" finds %s first', async (query, id) => {
    const hits = await search(query);
    expect(hits[0]?.entity.id).toBe(id);
  });
});

describe('matchKind', () => {
  it('says which pass found a hit', async () => {
    expect((await search('Мишустин'))[0]).toMatchObject({ matchKind: 'EXACT' });
    expect((await search('Мишустиным'))[0]).toMatchObject({ matchKind: 'STEM' });
    expect((await search('мишуст'))[0]).toMatchObject({ matchKind: 'STEM' });
    expect((await search('Мишустен'))[0]).toMatchObject({ matchKind: 'FUZZY' });
  });

  it('tries typos only when the other passes find fewer than `first` hits', async () => {
    // `Мишустинмен` is found exactly; with first: 1 no fuzzy hit is added, with 10 none are
    // near enough to be added either way, but `Мишустн` (a typo) is found only by the fallback.
    expect((await search('Мишустинмен', 1)).map((h) => h.matchKind)).toEqual(['EXACT']);
    const typo = await search('Мишустн', 1);
    expect(typo.map((h) => [h.entity.id, h.matchKind])).toEqual([
      ['person/mikhail-mishustin', 'FUZZY'],
    ]);
  });

  it('hits are sorted by score', async () => {
    for (const query of ['Қазақстанға', 'Председатль Правительства', 'Мишустен']) {
      const scores = (await search(query)).map((h) => h.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    }
  });
});
