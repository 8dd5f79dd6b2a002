/**
 * The search query builder: Lucene escaping, widened terms, matched names (stemming and
 * transliteration themselves: tests/unit/language/).
 */
import { describe, expect, it } from 'vitest';
import {
  bestMatchingName,
  escapeLucene,
  luceneQuery,
  searchEntities,
} from '../../../src/graph/search.js';

describe('luceneQuery', () => {
  it('is null when the query has no letters or digits', () => {
    expect(luceneQuery('  !!! ** ')).toBeNull();
  });

  it('lowercases, stems, adds prefixes, fuzzy and transliterated variants', () => {
    const q = luceneQuery('Мишустинмен')!;
    expect(q).toContain('мишустинмен^4');
    expect(q).toContain('мишустин^3');
    expect(q).toContain('мишустин*^2');
    expect(q).toContain('mishustinmen~2');
    expect(luceneQuery('mishustin')).toContain('мишустин~2');
  });

  it('never lets Lucene syntax through: only escaped terms of letters and digits', () => {
    const q = luceneQuery('a:b OR (c) AND "d" ~ ^ * ? [e TO f] \\ / && || !')!;
    // Operators in the input become tokens or vanish; the only syntax is what the builder adds.
    expect(q).not.toMatch(/[:"[\]\\/]/);
    expect(q.split(' OR ').length).toBeGreaterThan(1);
  });

  it('escapeLucene escapes every special character', () => {
    expect(escapeLucene('a+b-c&&d||e!f(g)h{i}j[k]l^m"n~o*p?q:r\\s/t')).toBe(
      'a\\+b\\-c\\&\\&d\\|\\|e\\!f\\(g\\)h\\{i\\}j\\[k\\]l\\^m\\"n\\~o\\*p\\?q\\:r\\\\s\\/t',
    );
  });

  it('strips Russian case endings too', () => {
    expect(luceneQuery('Мишустиным')).toContain('мишустин^3');
    expect(luceneQuery('Правительством')).toContain('правительств^3');
  });
});

describe('searchEntities', () => {
  it('passes the query and kinds as parameters and over-fetches when filtering by kind', () => {
    const q = searchEntities('x', ['Person'], 5);
    expect(q.cypher).toContain('$lucene');
    expect(q.params.lucene).toBe('x');
    expect(q.params.kinds).toEqual(['Person']);
    expect(Number(q.params.fetch)).toBeGreaterThan(5);
    expect(Number(searchEntities('x', null, 5).params.fetch)).toBe(5);
  });
});

describe('bestMatchingName', () => {
  const names = [
    'Mikhail Mishustin',
    'Михаил Мишустин',
    'Михаил Мишустин',
    'Мишустинмен',
    'Михаил Мишустинмен',
  ];
  it('prefers the exact form, then the same script', () => {
    expect(bestMatchingName('Мишустинмен', names)).toBe('Мишустинмен');
    expect(bestMatchingName('mishustin', names)).toBe('Mikhail Mishustin');
    expect(bestMatchingName('Мишустин', names)).toBe('Михаил Мишустин');
  });
});
