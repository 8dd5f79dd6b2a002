/** Normalisation, words and transliteration: the forms every comparison is made in. */
import { describe, expect, it } from 'vitest';
import {
  cyrillicToLatin,
  kazakhToRussian,
  editDistance,
  latinSpellings,
  latinToCyrillic,
  normalize,
  tokenize,
  wordSpans,
} from '../../../src/language/index.js';

describe('normalize / tokenize', () => {
  it('lowercases, writes ё as е, drops stress marks and soft hyphens', () => {
    expect(normalize('Королёв')).toBe('королев');
    expect(normalize('Мишу\u0301стин')).toBe('мишустин');
    expect(normalize('Қазақ\u00ADстан')).toBe('қазақстан');
  });

  it('maps a Latin i typed inside a Kazakh word to Cyrillic і', () => {
    expect(normalize('Үкiметі')).toBe('үкіметі');
    expect(normalize('mishustin')).toBe('mishustin');
  });

  it('splits like the index analyzer: hyphens and punctuation separate words', () => {
    expect(tokenize('Шолпан-Атада, «Астрахан»')).toEqual(['шолпан', 'атада', 'астрахан']);
    expect(tokenize('ҚР-дың РФ')).toEqual(['қр', 'дың', 'рф']);
  });

  it('wordSpans keeps hyphenated compounds whole, with offsets', () => {
    const text = 'ҚР-дың Премьер-Министрі, «Шолпан-Ата».';
    expect(wordSpans(text).map((w) => text.slice(w.start, w.end))).toEqual([
      'ҚР-дың',
      'Премьер-Министрі',
      'Шолпан-Ата',
    ]);
  });

  it('editDistance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('transliteration', () => {
  it('Cyrillic → Latin as the press spells it, keeping capitals', () => {
    expect(cyrillicToLatin('мишустин')).toBe('mishustin');
    expect(cyrillicToLatin('Қазақстан')).toBe('Kazakstan');
    expect(cyrillicToLatin('Шолпан-Ата')).toBe('Sholpan-Ata');
  });

  it('the Kazakh Latin scheme keeps қ ғ ң apart', () => {
    expect(cyrillicToLatin('Маңғыстау', 'kazakh')).toBe('Mangghystau');
    expect(latinSpellings('қазақстан')).toEqual(['kazakstan', 'qazaqstan']);
  });

  it('Latin → Cyrillic', () => {
    expect(latinToCyrillic('mishustin')).toBe('мишустин');
    expect(latinToCyrillic('zhanna')).toBe('жанна');
    expect(latinToCyrillic('kazakhstan')).toBe('казахстан');
  });
});

describe('latinToCyrillic: y', () => {
  it('reads y as ы after a consonant, ye first or after a vowel as е', () => {
    expect(latinToCyrillic('kyrgyzstan')).toBe('кыргызстан');
    expect(latinToCyrillic('tokayev')).toBe('токаев');
    expect(latinToCyrillic('mishustinym')).toBe('мишустиным');
    expect(latinToCyrillic('yerlan')).toBe('ерлан');
    expect(latinToCyrillic('yakutsk')).toBe('якуцк');
  });
});

describe('kazakhToRussian', () => {
  it('folds Kazakh letters into the Russian ones, -айы- into -аи-', () => {
    expect(kazakhToRussian('Әлихан Смайылов')).toBe('Алихан Смаилов');
    expect(kazakhToRussian('Қасым-Жомарт Тоқаев')).toBe('Касым-Жомарт Токаев');
  });
});
