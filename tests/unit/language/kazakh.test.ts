/** Kazakh endings: harmony, assimilation, stripping — words of the seeded article and of news. */
import { describe, expect, it } from 'vitest';
import {
  harmonyOf,
  kazakhAnalyses,
  kazakhForms,
  kazakhStems,
} from '../../../src/language/index.js';

describe('kazakhStems', () => {
  it.each([
    ['мишустинмен', 'мишустин'],
    ['қазақстанның', 'қазақстан'],
    ['қазақстанға', 'қазақстан'],
    ['қазақстанмен', 'қазақстан'],
    ['смайыловпен', 'смайылов'],
    ['ресейдің', 'ресей'],
    ['ресейге', 'ресей'],
    ['өңірлерін', 'өңір'],
    ['үкіметінің', 'үкіметі'],
    ['үкіметінің', 'үкімет'],
    ['шолпан-атада', 'шолпан-ата'],
    ['тартқышының', 'тартқышы'],
    ['қазақстандық', 'қазақстан'],
    ['тоқаевқа', 'тоқаев'],
    ['астанада', 'астана'],
    ['қр-дың', 'қр'],
  ])('%s → %s', (word, stem) => {
    expect(kazakhStems(word)).toContain(stem);
  });

  it('strips only endings that fit the stem’s last sound', () => {
    // -мен after a voiceless consonant would be -пен; -та after a vowel would be -да.
    expect(kazakhStems('смайыловмен')).not.toContain('смайылов');
    expect(kazakhStems('астаната')).not.toContain('астана');
  });

  it('leaves words without an ending, and never strips below four letters', () => {
    expect(kazakhStems('шолпан')).toEqual([]);
    expect(kazakhStems('ата')).toEqual([]);
    expect(kazakhStems('ресейге').every((s) => s.length >= 4)).toBe(true);
  });

  it('names the case, possessive and plural it strips', () => {
    expect(kazakhAnalyses('өңірлерін')).toContainEqual({
      stem: 'өңір',
      case: 'accusative',
      possessive: true,
      derivation: 'plural',
    });
  });
});

describe('kazakhForms', () => {
  it('follows vowel harmony and the final sound', () => {
    expect(kazakhForms('қазақстан')).toEqual([
      'қазақстанның',
      'қазақстанға',
      'қазақстанды',
      'қазақстанда',
      'қазақстаннан',
      'қазақстанмен',
    ]);
    expect(kazakhForms('ресей')).toEqual([
      'ресейдің',
      'ресейге',
      'ресейді',
      'ресейде',
      'ресейден',
      'ресеймен',
    ]);
    expect(kazakhForms('смайылов')).toContain('смайыловпен');
    expect(kazakhForms('астана')).toEqual(
      expect.arrayContaining(['астананың', 'астанаға', 'астананы', 'астанада', 'астанадан']),
    );
  });

  it('takes the н-endings after a possessive head (`ҚР Үкіметі`)', () => {
    expect(kazakhForms('үкіметі', true)).toEqual([
      'үкіметінің',
      'үкіметіне',
      'үкіметін',
      'үкіметінде',
      'үкіметінен',
      'үкіметімен',
    ]);
  });

  it('a Russian surname in -ев follows its root’s harmony (`Тоқаевқа`)', () => {
    expect(harmonyOf('тоқаев')).toBe('back');
    expect(harmonyOf('медведев')).toBe('front');
    expect(kazakhForms('тоқаев')).toContain('тоқаевқа');
    expect(kazakhForms('мишустин')).toContain('мишустинге');
  });

  it('a final и is read ий: the endings after a consonant (`Раисидің`, `Хаменеимен`)', () => {
    expect(kazakhForms('раиси')).toContain('раисидің');
    expect(kazakhForms('хаменеи')).toEqual(expect.arrayContaining(['хаменеидің', 'хаменеимен']));
  });

  it('so does a surname in -ов (`Бектеновті`, `Смайыловпен`)', () => {
    expect(harmonyOf('бектенов')).toBe('front');
    expect(kazakhForms('бектенов')).toContain('бектеновті');
    expect(harmonyOf('смайылов')).toBe('back');
  });

  it('gives abbreviations no unhyphenated forms', () => {
    expect(kazakhForms('қр')).toEqual([]);
  });
});
