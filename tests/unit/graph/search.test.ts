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
  searchLucene,
  searchProperties,
} from '../../../src/graph/search.js';

describe('luceneQuery', () => {
  it('is null when the query has no letters or digits', () => {
    expect(luceneQuery('  !!! ** ')).toBeNull();
  });

  it('looks the word up as a word, its stems against words and stems, and as a prefix', () => {
    const q = searchLucene('Мишустинмен')!;
    expect(q.words).toEqual(['мишустинмен']);
    expect(q.main).toContain('searchWords:мишустинмен^8');
    expect(q.main).toContain('searchStems:мишустинмен^4');
    expect(q.main).toContain('searchWords:мишустин^8');
    expect(q.main).toContain('searchStems:мишустин^1');
    expect(q.main).toContain('searchStems:mishustin^1');
    expect(q.main).toContain('searchNames:мишустин^24');
    expect(q.main).toContain('searchWords:мишустинмен*^1');
    expect(q.main).not.toContain('~');
    expect(q.fallback).toBe(
      `${q.main} OR searchWords:мишустинмен~2^6 OR searchNames:мишустин~2^12`,
    );
    expect(luceneQuery('Мишустинмен')).toBe(q.main);
  });

  it('a Latin query is stemmed as its Cyrillic reading', () => {
    expect(searchLucene('mishustinym')!.main).toContain('searchWords:мишустин^8');
  });

  it('short words are neither prefixes nor fuzzy', () => {
    const q = searchLucene('РФ')!;
    expect(q.main).not.toContain('*');
    expect(q.fallback).toBeNull();
  });

  it('never lets Lucene syntax through: only escaped terms of letters and digits', () => {
    const q = luceneQuery('a:b OR (c) AND "d" ~ ^ * ? [e TO f] \\ / && || !')!;
    // Operators in the input become tokens or vanish; the only syntax is what the builder adds.
    const terms = q.split(' OR ');
    expect(terms.length).toBeGreaterThan(1);
    for (const t of terms) {
      expect(t).toMatch(/^search(?:Words|Stems|Names):[\p{L}\p{N}_]+\*?\^\d+$/u);
    }
  });

  it('escapeLucene escapes every special character', () => {
    expect(escapeLucene('a+b-c&&d||e!f(g)h{i}j[k]l^m"n~o*p?q:r\\s/t')).toBe(
      'a\\+b\\-c\\&\\&d\\|\\|e\\!f\\(g\\)h\\{i\\}j\\[k\\]l\\^m\\"n\\~o\\*p\\?q\\:r\\\\s\\/t',
    );
  });

  it('strips Russian case endings too', () => {
    expect(luceneQuery('Мишустиным')).toContain('searchWords:мишустин^8');
    expect(luceneQuery('Правительством')).toContain('searchStems:правительств^1');
  });
});

describe('searchEntities', () => {
  it('passes the queries and kinds as parameters and over-fetches when filtering by kind', () => {
    const lucene = searchLucene('Мишустинмен')!;
    const q = searchEntities(lucene, ['Person'], 5);
    expect(q.cypher).toContain('$main');
    expect(q.cypher).toContain('$fallback');
    expect(q.params).toMatchObject({
      main: lucene.main,
      fallback: lucene.fallback,
      words: lucene.words,
    });
    expect(q.params.kinds).toEqual(['Person']);
    expect(Number(q.params.fetch)).toBeGreaterThan(5);
    expect(Number(searchEntities(lucene, null, 5).params.fetch)).toBe(5);
  });
});

describe('searchProperties', () => {
  it('the keys of every name, in both scripts, stems apart', () => {
    const keys = searchProperties(['Михаил Мишустин', 'Mikhail Mishustin', 'Мишустинмен']);
    expect(keys.searchWords).toEqual(
      expect.arrayContaining(['михаил', 'mikhail', 'мишустин', 'mishustin', 'мишустинмен']),
    );
    expect(keys.searchStems).not.toContain('мишустин');
    expect(searchProperties(['Правительство РФ']).searchStems).toContain('правительств');
    // Whole names: every form of a name, in either script, is one key.
    expect(keys.searchNames).toEqual(['михаил_мишустин', 'мишустин']);
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
