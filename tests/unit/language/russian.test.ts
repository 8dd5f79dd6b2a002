/** Russian declension of names: surnames, nouns, adjectives; stems and nominatives. */
import { describe, expect, it } from 'vitest';
import {
  russianCase,
  russianCaseTable,
  russianForms,
  russianNominatives,
  russianStems,
} from '../../../src/language/index.js';

describe('russianForms', () => {
  it('declines surnames in -ов/-ев/-ин with -ым (animate)', () => {
    expect(russianCaseTable('мишустин', true)).toEqual([
      'мишустина',
      'мишустину',
      'мишустина',
      'мишустиным',
      'мишустине',
    ]);
    expect(russianForms('токаев', true)).toContain('токаевым');
    expect(russianForms('смаилов', true)).toContain('смаиловым');
    expect(russianForms('михаил', true)).toContain('михаилом');
  });

  it('declines nouns by their ending', () => {
    expect(russianCaseTable('иран')).toEqual(['ирана', 'ирану', 'иран', 'ираном', 'иране']);
    expect(russianForms('правительство')).toEqual([
      'правительства',
      'правительству',
      'правительством',
      'правительстве',
    ]);
    expect(russianForms('россия')).toEqual(['россии', 'россию', 'россией']);
    expect(russianForms('федерация')).toContain('федерацией');
    expect(russianForms('заседание')).toContain('заседании');
    expect(russianForms('астана')).toContain('астаны');
    expect(russianForms('служба')).toContain('службы');
    expect(russianForms('область')).toContain('области');
  });

  it('names one case: the accusative of Германия, the instrumental of Мишустин', () => {
    expect(russianCase('германия', 'accusative')).toBe('германию');
    expect(russianCase('мишустин', 'instrumental', true)).toBe('мишустиным');
    expect(russianCase('мишустин', 'accusative', true)).toBe('мишустина');
    expect(russianCase('баку', 'genitive')).toBeNull();
  });

  it('declines adjectives, hard and soft', () => {
    expect(russianForms('евразийский')).toEqual([
      'евразийского',
      'евразийскому',
      'евразийским',
      'евразийском',
    ]);
    expect(russianForms('межправительственный')).toContain('межправительственного');
    expect(russianForms('российская')).toContain('российской');
    expect(russianForms('северные')).toContain('северных');
  });

  it('leaves indeclinable words alone', () => {
    expect(russianForms('баку')).toEqual([]);
    expect(russianForms('тбилиси')).toEqual([]);
    expect(russianForms('рф')).toEqual([]);
  });
});

describe('russianStems', () => {
  it.each([
    ['мишустиным', 'мишустин'],
    ['мишустину', 'мишустин'],
    ['токаевым', 'токаев'],
    ['ирана', 'иран'],
    ['правительством', 'правительств'],
    ['правительство', 'правительств'],
    ['евразийского', 'евразийск'],
    ['евразийский', 'евразийск'],
    ['российской', 'российск'],
    ['россии', 'росси'],
    ['россия', 'росси'],
  ])('%s → %s', (word, stem) => {
    expect(russianStems(word)).toContain(stem);
  });

  it('never strips below four letters', () => {
    expect(russianStems('рима')).toEqual([]);
  });
});

describe('russianNominatives', () => {
  it('undoes a case ending, likeliest first', () => {
    expect(russianNominatives('ирана')[0]).toBe('иран');
    expect(russianNominatives('правительства')[0]).toBe('правительство');
    expect(russianNominatives('мишустиным', true)[0]).toBe('мишустин');
    expect(russianNominatives('россии')).toContain('россия');
  });
});
