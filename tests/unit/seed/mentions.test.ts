import { describe, expect, it } from 'vitest';
import { findMentions, surfaceMatcher } from '../../../src/seed/mentions.js';
import { splitSentences } from '../../../src/seed/sentences.js';
import { ArticleText } from '../../../src/seed/text.js';

const mentionsIn = (text: string, surfaces: string[]) =>
  findMentions(splitSentences(new ArticleText(text)), [{ id: 'e', surfaces }]);

describe('findMentions', () => {
  it('matches names and inflected forms, case-insensitively, per sentence', () => {
    const found = mentionsIn('ҚАЗАҚСТАН үлкен. Қазақстанның жері. Ресей.', [
      'Қазақстан',
      'Қазақстанның',
    ]);
    expect(found).toEqual([
      { sentenceIndex: 0, entityId: 'e', forms: ['ҚАЗАҚСТАН'], count: 1 },
      { sentenceIndex: 1, entityId: 'e', forms: ['Қазақстанның'], count: 1 },
    ]);
  });

  it('matches whole words only: an abbreviation is not found inside a longer word', () => {
    expect(mentionsIn('ҚРҒЫЗ ҚРм ҚР', ['ҚР'])).toEqual([
      { sentenceIndex: 0, entityId: 'e', forms: ['ҚР'], count: 1 },
    ]);
  });

  it('treats a hyphen joined to letters as part of the word', () => {
    expect(mentionsIn('Сауда-экономикалық байланыс.', ['сауда'])).toEqual([]);
    expect(mentionsIn('Шолпан-Атада болды.', ['Шолпан-Атада'])).toHaveLength(1);
  });

  it('falls back to a shorter surface where a longer one touches a word', () => {
    expect(surfaceMatcher(['ҚР', 'ҚР Үкіметі'])?.('ҚР Үкіметінің')).toEqual(['ҚР']);
  });

  it('prefers the longest surface at a position and counts repeats', () => {
    const [m] = mentionsIn('Әлихан Смайылов пен Смайылов.', ['Смайылов', 'Әлихан Смайылов']);
    expect(m?.forms).toEqual(['Әлихан Смайылов', 'Смайылов']);
    expect(m?.count).toBe(2);
  });

  it('escapes regular expression characters in surfaces', () => {
    expect(surfaceMatcher(['$24,2 млрд'])?.('сома $24,2 млрд болды')).toEqual(['$24,2 млрд']);
    expect(surfaceMatcher([' ', ''])).toBeNull();
  });
});

describe('findMentions with the article language', () => {
  const inflected = (text: string, surfaces: string[], language: 'kk' | 'ru', person = false) =>
    findMentions(splitSentences(new ArticleText(text)), [{ id: 'e', surfaces, person }], {
      language,
    }).flatMap((m) => m.forms);

  it('finds case forms that are not listed', () => {
    expect(inflected('Қазақстанға келді. Ресеймен.', ['Қазақстан'], 'kk')).toEqual(['Қазақстанға']);
    expect(inflected('ҚР-дың Үкіметі.', ['ҚР'], 'kk')).toEqual(['ҚР-дың']);
    expect(inflected('Встреча с Михаилом Мишустиным.', ['Михаил Мишустин'], 'ru', true)).toEqual([
      'Михаилом Мишустиным',
    ]);
    expect(
      inflected(
        'Заседание Правительства Российской Федерации.',
        ['Правительство Российской Федерации'],
        'ru',
      ),
    ).toEqual(['Правительства Российской Федерации']);
  });

  it('folds ё like е', () => {
    expect(mentionsIn('Королёв приехал.', ['Королев'])).toHaveLength(1);
  });
});
