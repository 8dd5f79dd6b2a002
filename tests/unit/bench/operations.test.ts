/** Canonical answers: each arm's response shape reduces to the same value when the data agree. */
import { describe, expect, it } from 'vitest';
import { canonicalAnswer } from '../../../bench/questions/operations.js';
import { parseOptions } from '../../../bench/options.js';

describe('canonical answers', () => {
  it('treats search hits tied at the cut-off score as a count, whatever order each arm cut them in', () => {
    const floor = {
      rows: [
        { id: 'a', score: 3 },
        { id: 'b', score: 1 },
        { id: 'c', score: 1 },
      ],
    };
    const peer = {
      data: {
        searchEntities: {
          edges: [
            { score: 3, node: { id: 'a' } },
            { score: 1, node: { id: 'z' } },
            { score: 1, node: { id: 'c' } },
          ],
        },
      },
    };
    expect(canonicalAnswer('C', 'search', peer)).toEqual(canonicalAnswer('A', 'search', floor));
    const wrong = { data: { search: [{ score: 3, entity: { id: 'x' } }] } };
    expect(canonicalAnswer('B', 'search', wrong)).not.toEqual(
      canonicalAnswer('A', 'search', floor),
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
                  { person: { id: 'p2', meetings: [] } },
                  { person: { id: 'p1', meetings: [] } },
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
              { id: 'p1', meetings: [] },
              { id: 'p2', meetings: [] },
            ],
          },
          { id: 'm1', participants: [] },
        ],
      },
    };
    expect(canonicalAnswer('B', 'nested', togys)).toEqual(canonicalAnswer('D', 'nested', naive));
    const reordered = { data: { meetings: [...naive.data.meetings].reverse() } };
    expect(canonicalAnswer('D', 'nested', reordered)).not.toEqual(
      canonicalAnswer('B', 'nested', togys),
    );
  });

  it('rejects a GraphQL error instead of comparing it', () => {
    expect(() => canonicalAnswer('B', 'lookup', { errors: [{ message: 'boom' }] })).toThrow(
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
