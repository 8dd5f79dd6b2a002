/** Search keys: what the index stores for names and what a query is looked up by meet. */
import { describe, expect, it } from 'vitest';
import { nameKey, queryTerms, rootOf, searchKeys } from '../../../src/language/index.js';

describe('searchKeys', () => {
  it('words in both scripts; stems of the Cyrillic ones; Latin words stay Latin', () => {
    const keys = searchKeys(['Қазақстан', 'Kazakhstan', 'Қазақстанның']);
    expect(keys.words).toEqual(
      expect.arrayContaining(['қазақстан', 'kazakstan', 'qazaqstan', 'kazakhstan', 'қазақстанның']),
    );
    expect(keys.words).not.toContain('казахстан');
    // A stem that is also a word is kept once, as a word.
    expect(keys.stems).not.toContain('қазақстан');
  });

  it('an inflected query meets the nominative through its stems', () => {
    const keys = searchKeys(['Правительство Российской Федерации']);
    const query = queryTerms('Правительством');
    expect(query.stems[0]!.some((s) => keys.stems.includes(s) || keys.words.includes(s))).toBe(
      true,
    );
  });
});

describe('rootOf / nameKey', () => {
  it('every form of a word has one root', () => {
    expect(rootOf('смаилова')).toBe(rootOf('смаилов'));
    expect(rootOf('мишустинмен')).toBe(rootOf('мишустин'));
    expect(rootOf('mishustin')).toBe(rootOf('Мишустин'.toLowerCase()));
  });

  it('a whole name is one key, in any form', () => {
    expect(nameKey('Алихана Смаилова')).toBe(nameKey('Алихан Смаилов'));
    expect(nameKey('Еуразиялық үкіметаралық кеңес отырысында')).toBe(
      nameKey('Еуразиялық үкіметаралық кеңес отырысы'),
    );
    expect(nameKey('!!!')).toBeNull();
    expect(queryTerms('Алихана Смаилова').name).toBe(nameKey('Алихан Смаилов'));
  });
});
