import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEEDS_DIR } from '../../../src/seed/index.js';
import { sentencesOverlapping, splitSentences } from '../../../src/seed/sentences.js';
import { ArticleText } from '../../../src/seed/text.js';

const split = (text: string) => splitSentences(new ArticleText(text)).map((s) => s.text);

describe('splitSentences', () => {
  it('ends a sentence at every line break (dateline, title lines, paragraphs)', () => {
    expect(split('25 там, 2022 сағат 23:33\n\nТақырып\n\n\nБірінші сөйлем')).toEqual([
      '25 там, 2022 сағат 23:33',
      'Тақырып',
      'Бірінші сөйлем',
    ]);
  });

  it('splits after a terminator and closing quote when a capital, digit or opening quote follows', () => {
    expect(
      split('«Өзара мүдделер тоғысы». Смайылов келді. 2021 жылы өсті. «Иә», — деді ол.'),
    ).toEqual([
      '«Өзара мүдделер тоғысы».',
      'Смайылов келді.',
      '2021 жылы өсті.',
      '«Иә», — деді ол.',
    ]);
  });

  it('does not split before a dash (attribution after a quote) or a lower-case word', () => {
    expect(split('«Біз келдік.» — деді ол. ол т.б. келді.')).toEqual([
      '«Біз келдік.» — деді ол. ол т.б. келді.',
    ]);
  });

  it('splits sentences inside a multi-sentence quotation', () => {
    expect(split('«Ресей – серіктес. 2021 жылы өсті. Сенеміз», — деді Смайылов.')).toEqual([
      '«Ресей – серіктес.',
      '2021 жылы өсті.',
      'Сенеміз», — деді Смайылов.',
    ]);
  });

  it('gives code point offsets, half-open, that slice back to the sentence', () => {
    const text = new ArticleText('😀 Бір. Екі 𝔸.\nҮш');
    const sentences = splitSentences(text);
    expect(sentences.map((s) => [s.index, s.start, s.end])).toEqual([
      [0, 0, 6],
      [1, 7, 13],
      [2, 14, 16],
    ]);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('splits the first article into its 20 sentences', () => {
    const text = readFileSync(
      path.join(DEFAULT_SEEDS_DIR, 'article-2022-08-25-smailov-mishustin.kk.txt'),
      'utf8',
    );
    const sentences = splitSentences(new ArticleText(text));
    expect(sentences).toHaveLength(20);
    expect(sentences[0]?.text).toBe('25 там, 2022 сағат 23:33');
    expect(sentences[9]?.text).toMatch(/^2021 жылдың .* қол жеткіздік\.$/);
    expect(sentences[11]?.text).toMatch(/сенім артамыз», — деді Әлихан Смайылов\.$/);
  });
});

describe('sentencesOverlapping', () => {
  it('finds every sentence a span touches', () => {
    const sentences = splitSentences(new ArticleText('Бір. Екі. Үш.'));
    expect(sentencesOverlapping(sentences, 2, 7)).toEqual([0, 1]);
    expect(sentencesOverlapping(sentences, 10, 12)).toEqual([2]);
  });
});
