import { describe, expect, it } from 'vitest';
import { draftArticle } from '../../../src/draft/draft.js';
import { FIRST_ARTICLE_TEXT, entity } from './helpers.js';

const quotes = (text: string, registry = REGISTRY) =>
  draftArticle(text, { registry, language: text.match(/[әқңұүі]/u) ? 'kk' : 'ru' }).quotes.map(
    (q) => [q.excerpt.text.slice(0, 30), q.speakerId ?? null],
  );

const REGISTRY = [
  entity('person/kassym-jomart-tokayev', 'Person', {
    kk: 'Қасым-Жомарт Тоқаев',
    ru: 'Касым-Жомарт Токаев',
  }),
];

describe('quotes', () => {
  it('finds the first article’s four quotes verbatim, the first speaker through his office', () => {
    const draft = draftArticle(FIRST_ARTICLE_TEXT, { registry: [] });
    expect(draft.quotes.map((q) => [q.speakerId, q.speakerExcerpt?.text])).toEqual([
      ['person/alikhan-smailov', 'Премьер-Министр'],
      ['person/alikhan-smailov', 'Әлихан Смайылов'],
      ['person/alikhan-smailov', 'Әлихан Смайылов'],
      ['person/mikhail-mishustin', 'Михаил Мишустин'],
    ]);
    for (const q of draft.quotes) {
      expect(FIRST_ARTICLE_TEXT.slice(q.excerpt.start, q.excerpt.end)).toBe(q.excerpt.text);
      expect(q.excerpt.text).not.toMatch(/^«|»$/u);
    }
    // The headline and the pipeline's name are «…» but not quotes.
    expect(draft.quotes.map((q) => q.excerpt.text)).not.toContain('Өзара мүдделер тоғысы');
    expect(draft.quotes.some((q) => q.excerpt.text === 'Астрахан-Маңғышлақ')).toBe(false);
  });

  it('Russian attributions after the dash and before a colon; a pronoun is the previous speaker', () => {
    expect(
      quotes(
        '«Мы продолжим работу», — заявил Касым-Жомарт Токаев. «Это важно», — сказал он.\nТокаев отметил: «Связи крепнут».',
      ),
    ).toEqual([
      ['Мы продолжим работу', 'person/kassym-jomart-tokayev'],
      ['Это важно', 'person/kassym-jomart-tokayev'],
      ['Связи крепнут', 'person/kassym-jomart-tokayev'],
    ]);
  });

  it('a Kazakh `деп атап өтті` attribution; an unknown speaker is left to complete', () => {
    const draft = draftArticle(
      '«Жұмыс жалғасады», — деп атап өтті Тоқаев.\n«Иә», — деді белгісіз біреу.',
      {
        registry: REGISTRY,
        language: 'kk',
      },
    );
    expect(draft.quotes.map((q) => q.speakerId ?? null)).toEqual([
      'person/kassym-jomart-tokayev',
      null,
    ]);
    expect(draft.quotes[1]!.todo[0]).toMatch(/^speaker: say who "белгісіз біреу" is/u);
  });
});
