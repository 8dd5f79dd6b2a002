/** Whole names: forms of multi-word names, recognition in text, nominatives for drafting. */
import { describe, expect, it } from 'vitest';
import { inflectedForms, matchesName, nominative } from '../../../src/language/index.js';

describe('inflectedForms', () => {
  it('Kazakh inflects the last word, keeping the name as written', () => {
    expect(inflectedForms('Әлихан Смайылов', 'kk')).toContain('Әлихан Смайыловпен');
    expect(inflectedForms('Михаил Мишустин', 'kk')).toContain('Михаил Мишустинмен');
    expect(inflectedForms('Шолпан-Ата', 'kk')).toContain('Шолпан-Атада');
    expect(inflectedForms('ҚР Үкіметі', 'kk')).toContain('ҚР Үкіметінің');
    expect(inflectedForms('Астрахан-Маңғышлақ магистральдық су тартқышы', 'kk')).toContain(
      'Астрахан-Маңғышлақ магистральдық су тартқышының',
    );
  });

  it('Russian declines a person’s every name', () => {
    expect(inflectedForms('Михаил Мишустин', 'ru', { person: true })).toEqual([
      'Михаила Мишустина',
      'Михаилу Мишустину',
      'Михаилом Мишустиным',
      'Михаиле Мишустине',
    ]);
  });

  it('Russian declines the head noun and the adjectives before it, not its complements', () => {
    expect(inflectedForms('Евразийский межправительственный совет', 'ru')).toContain(
      'Евразийского межправительственного совета',
    );
    expect(inflectedForms('Правительство Российской Федерации', 'ru')).toContain(
      'Правительством Российской Федерации',
    );
    expect(inflectedForms('Пресс-служба Правительства Республики Казахстан', 'ru')).toContain(
      'Пресс-службы Правительства Республики Казахстан',
    );
    expect(inflectedForms('Северные и восточные регионы Казахстана', 'ru')).toContain(
      'Северных и восточных регионов Казахстана',
    );
  });

  it('Kazakh abbreviations take hyphenated endings, every spelling', () => {
    expect(inflectedForms('ҚР', 'kk')).toEqual(
      expect.arrayContaining(['ҚР-дың', 'ҚР-ның', 'ҚР-ге']),
    );
    expect(inflectedForms('РФ', 'ru')).toEqual([]);
  });

  it('English names have no case forms', () => {
    expect(inflectedForms('Mikhail Mishustin', 'en')).toEqual([]);
  });
});

describe('matchesName', () => {
  it('recognises a case form, ignoring letter case, ё and spacing', () => {
    expect(matchesName('Михаилом  Мишустиным', 'Михаил Мишустин', 'ru', { person: true })).toBe(
      true,
    );
    expect(matchesName(['ҚАЗАҚСТАНМЕН'], 'Қазақстан', 'kk')).toBe(true);
    expect(matchesName('Қазақстан', 'Қазақстан', 'kk')).toBe(true);
    expect(matchesName('Ресей', 'Қазақстан', 'kk')).toBe(false);
    expect(matchesName('Мишустиным', 'Мишустин', 'kk')).toBe(false);
  });
});

describe('nominative', () => {
  it.each([
    ['Әлихан Смайыловпен', 'Әлихан Смайылов'],
    ['Михаил Мишустинмен', 'Михаил Мишустин'],
    ['ҚР Үкіметінің', 'ҚР Үкіметі'],
    ['Шолпан-Атада', 'Шолпан-Ата'],
    ['Ресейдің', 'Ресей'],
    ['ҚР-дың', 'ҚР'],
    ['Қазақстан', 'Қазақстан'],
  ])('kk %s → %s', (phrase, expected) => {
    expect(nominative(phrase, 'kk')).toBe(expected);
  });

  it.each([
    ['Евразийского межправительственного совета', 'Евразийский межправительственный совет'],
    ['Правительством Российской Федерации', 'Правительство Российской Федерации'],
    ['Премьер-министра Республики Казахстан', 'Премьер-министр Республики Казахстан'],
    ['Ирана', 'Иран'],
    ['России', 'Россия'],
    ['Москвой', 'Москва'],
  ])('ru %s → %s', (phrase, expected) => {
    expect(nominative(phrase, 'ru')).toBe(expected);
  });

  it('ru person: every name', () => {
    expect(nominative('Михаилом Мишустиным', 'ru', { person: true })).toBe('Михаил Мишустин');
    expect(nominative('Токаевым', 'ru', { person: true })).toBe('Токаев');
  });

  it('ru person: a surname in -ов/-ев/-ин is its own nominative, never a plural', () => {
    expect(nominative('Алихан Смаилов', 'ru', { person: true })).toBe('Алихан Смаилов');
    expect(nominative('Алихана Смаилова', 'ru', { person: true })).toBe('Алихан Смаилов');
    expect(nominative('Олжасом Бектеновым', 'ru', { person: true })).toBe('Олжас Бектенов');
    expect(nominative('Ильхам Алиев', 'ru', { person: true })).toBe('Ильхам Алиев');
    // Not a person: the genitive plural still reads as one.
    expect(nominative('регионов', 'ru')).toBe('регионы');
  });

  it("ru person: particles and a woman's foreign surname do not decline", () => {
    expect(nominative('Урсулы фон дер Ляйен', 'ru', { person: true })).toBe('Урсула фон дер Ляйен');
    expect(nominative('Урсула фон дер Ляйен', 'ru', { person: true })).toBe('Урсула фон дер Ляйен');
    expect(inflectedForms('Урсула фон дер Ляйен', 'ru', { person: true })).toContain(
      'Урсулы фон дер Ляйен',
    );
  });

  it("ru: adjectives agree with their noun in a phrase's nominative", () => {
    expect(nominative('устойчивого сырья', 'ru')).toBe('устойчивое сырье');
    expect(nominative('возобновляемого водорода', 'ru')).toBe('возобновляемый водород');
    expect(nominative('Европейской комиссии', 'ru')).toBe('Европейская комиссия');
    expect(nominative('Министерстве иностранных дел', 'ru')).toBe('Министерство иностранных дел');
  });
});
