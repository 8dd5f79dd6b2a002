/** Canonical answers: each arm's response shape reduces to the same value when the data agree. */
import { describe, expect, it } from 'vitest';
import { canonicalAnswer } from '../../../bench/questions/operations.js';
import { summarizeServerTimes } from '../../../bench/neo4j-time.js';
import { parseOptions } from '../../../bench/options.js';

/** The page size the questions are asked with (only search reads it). */
const P = { searchFirst: 10 };

describe('canonical answers', () => {
  it('treats search hits tied at the cut-off score as a count, whatever order each arm cut them in', () => {
    const floor = {
      data: {
        search: [
          { score: 3, entity: { id: 'a' } },
          { score: 1, entity: { id: 'b' } },
          { score: 1, entity: { id: 'c' } },
        ],
      },
    };
    const peer = {
      data: {
        search: {
          edges: [
            { score: 3, entity: { id: 'a' } },
            { score: 1, entity: { id: 'z' } },
            { score: 1, entity: { id: 'c' } },
          ],
        },
      },
    };
    expect(canonicalAnswer('C', 'search', peer, P)).toEqual(
      canonicalAnswer('A', 'search', floor, P),
    );
    const wrong = { data: { search: [{ score: 3, entity: { id: 'x' } }] } };
    expect(canonicalAnswer('B', 'search', wrong, P)).not.toEqual(
      canonicalAnswer('A', 'search', floor, P),
    );
  });

  it("takes C's fallback pass whenever the main one found fewer than first, as B's rule does", () => {
    const hit = (id: string, score: number) => ({ score, entity: { id } });
    const main = [hit('a', 9)];
    const fallback = [hit('a', 9), hit('typo', 2)];
    const peer = (m: unknown[], f?: unknown[]) => ({
      data: { search: { edges: m }, ...(f ? { fallback: { edges: f } } : {}) },
    });
    const togys = (hits: unknown[]) => ({ data: { search: hits } });
    const first = { searchFirst: 10 };
    expect(canonicalAnswer('C', 'search', peer(main, fallback), first)).toEqual(
      canonicalAnswer('B', 'search', togys(fallback), first),
    );
    // The fallback found the same hit, scored by its extra terms: still B's answer.
    const rescored = [hit('a', 12)];
    expect(canonicalAnswer('C', 'search', peer(main, rescored), first)).toEqual(
      canonicalAnswer('B', 'search', togys(rescored), first),
    );
    // The main pass filled the page: B answered with it.
    expect(canonicalAnswer('C', 'search', peer(main, fallback), { searchFirst: 1 })).toEqual(
      canonicalAnswer('B', 'search', togys(main), first),
    );
    // No fallback asked (togys has none for this text).
    expect(canonicalAnswer('C', 'search', peer(main), first)).toEqual(
      canonicalAnswer('A', 'search', togys(main), first),
    );
    expect(canonicalAnswer('C', 'search', peer(main, fallback), first)).not.toEqual(
      canonicalAnswer('B', 'search', togys(main), first),
    );
  });

  it('keeps list order but sorts unordered nested lists', () => {
    const togys = {
      data: {
        meetings: {
          edges: [
            {
              node: {
                id: 'm2',
                participants: [
                  { person: { id: 'p2', meetings: { edges: [] } } },
                  {
                    person: {
                      id: 'p1',
                      // B's last page, oldest first; D's list is newest first.
                      meetings: {
                        edges: [
                          { node: { meeting: { id: 'm0', discussed: [] } } },
                          { node: { meeting: { id: 'm2', discussed: [] } } },
                        ],
                      },
                    },
                  },
                ],
              },
            },
            { node: { id: 'm1', participants: [] } },
          ],
        },
      },
    };
    const naive = {
      data: {
        meetings: [
          {
            id: 'm2',
            participants: [
              {
                id: 'p1',
                meetings: [
                  { id: 'm2', subjects: [] },
                  { id: 'm0', subjects: [] },
                ],
              },
              { id: 'p2', meetings: [] },
            ],
          },
          { id: 'm1', participants: [] },
        ],
      },
    };
    expect(canonicalAnswer('B', 'nested', togys, P)).toEqual(
      canonicalAnswer('D', 'nested', naive, P),
    );
    expect(JSON.stringify(canonicalAnswer('B', 'nested', togys, P))).toContain('m0');
    const reordered = { data: { meetings: [...naive.data.meetings].reverse() } };
    expect(canonicalAnswer('D', 'nested', reordered, P)).not.toEqual(
      canonicalAnswer('B', 'nested', togys, P),
    );
  });

  it("brings C's and D's plain lists to B's shape: a lookup, an article and a path", () => {
    const togys = {
      data: {
        node: {
          id: 'p1',
          name: 'P',
          offices: [{ office: { id: 'o2' } }, { office: { id: 'o1' } }],
        },
      },
    };
    const peer = {
      data: { person: [{ id: 'p1', name: 'P', offices: [{ id: 'o1' }, { id: 'o2' }] }] },
    };
    expect(canonicalAnswer('C', 'lookup', peer, P)).toEqual(
      canonicalAnswer('B', 'lookup', togys, P),
    );
    expect(canonicalAnswer('A', 'lookup', togys, P)).toEqual(
      canonicalAnswer('B', 'lookup', togys, P),
    );
    expect(canonicalAnswer('C', 'lookup', { data: { person: [] } }, P)).toBeNull();

    const article = {
      data: {
        article: {
          id: 'a',
          title: 'T',
          sentences: {
            edges: [
              { node: { index: 0, mentions: [{ entity: { id: 'x' } }] } },
              { node: { index: 1, mentions: [] } },
            ],
          },
        },
      },
    };
    const naiveArticle = {
      data: {
        article: {
          id: 'a',
          title: 'T',
          sentences: [
            { index: 0, mentions: [{ id: 'x' }] },
            { index: 1, mentions: [] },
          ],
        },
      },
    };
    expect(canonicalAnswer('D', 'article', naiveArticle, P)).toEqual(
      canonicalAnswer('A', 'article', article, P),
    );
    const swapped = structuredClone(naiveArticle);
    swapped.data.article.sentences.reverse();
    expect(canonicalAnswer('D', 'article', swapped, P)).not.toEqual(
      canonicalAnswer('A', 'article', article, P),
    );

    const path = { data: { path: { length: 2, nodes: [{ id: 'a' }, { id: 'm' }, { id: 'b' }] } } };
    expect(canonicalAnswer('C', 'path', { data: { path: ['a', 'n', 'b'] } }, P)).toEqual(
      canonicalAnswer('B', 'path', path, P),
    );
    expect(canonicalAnswer('D', 'path', { data: { path: ['a', 'b'] } }, P)).not.toEqual(
      canonicalAnswer('B', 'path', path, P),
    );
    expect(canonicalAnswer('D', 'path', { data: { path: null } }, P)).toBeNull();
  });

  it('rejects a GraphQL error instead of comparing it', () => {
    expect(() => canonicalAnswer('B', 'lookup', { errors: [{ message: 'boom' }] }, P)).toThrow(
      /arm B, question lookup: .*boom/,
    );
  });
});

describe('bench options', () => {
  it('defaults, --quick, and errors that name the option', () => {
    expect(parseOptions([]).scales).toEqual([100, 1000]);
    expect(parseOptions(['--quick']).scales).toEqual([100]);
    expect(parseOptions(['--scales', '1000,100']).scales).toEqual([100, 1000]);
    expect(() => parseOptions(['--scales', '100,x'])).toThrow(/--scales must be/);
    expect(() => parseOptions(['--bogus', '1'])).toThrow(/unknown option --bogus/);
    expect(() => parseOptions(['--scales', '100', '--compare-scale', '500'])).toThrow(
      /--compare-scale 500/,
    );
  });
});

describe('the growth run', () => {
  it('is opt-in: 1,000 → 100,000 articles, seeded in chunks, without the baselines, bigger memory', () => {
    expect(parseOptions([], {}).growth).toBe(false);
    const o = parseOptions(['--growth'], {});
    expect(o).toMatchObject({
      growth: true,
      scales: [1000, 10000, 100000],
      compareScale: 1000,
      baselines: false,
      seedChunk: 10000,
      outDir: 'bench/results/growth',
    });
    expect(o.neo4jPageCache).not.toBe(parseOptions([], {}).neo4jPageCache);
    // A smoke of the flag path at a tiny size; the environment overrides memory.
    const smoke = parseOptions(['--growth', '--scales', '20,40', '--compare-scale', '20'], {
      BENCH_NEO4J_HEAP: '1g',
    });
    expect(smoke).toMatchObject({ scales: [20, 40], compareScale: 20, neo4jHeap: '1g' });
    expect(() => parseOptions(['--growth', '--quick'], {})).toThrow(/exclude each other/);
  });
});

describe("Neo4j's own time", () => {
  it('reports the mean of whole milliseconds beside their median', () => {
    expect(summarizeServerTimes([0, 1, 0, 0, 1, 0, 0, 1])).toEqual({
      runs: 8,
      meanMs: 0.375,
      p50Ms: 0,
    });
    expect(summarizeServerTimes([3, 1, 2])).toEqual({ runs: 3, meanMs: 2, p50Ms: 2 });
    expect(() => summarizeServerTimes([])).toThrow(/no statement completed/);
  });
});

describe('dump increments', () => {
  it('keeps parallel fact relationships of different articles apart', async () => {
    const { dumpIncrement } = await import('../../../bench/seeding/dump.js');
    const rel = (articleId: string) => ({
      type: 'LOCATED_IN',
      startKeyLabel: 'Place',
      startId: 'place/x',
      endKeyLabel: 'Country',
      endId: 'country/y',
      props: { articleId, factId: 'f2' },
    });
    const previous = { nodes: [], rels: [rel('article/a')] };
    const next = { nodes: [], rels: [rel('article/a'), rel('article/b')] };
    expect(dumpIncrement(previous, next).rels).toEqual([rel('article/b')]);
  });
});
