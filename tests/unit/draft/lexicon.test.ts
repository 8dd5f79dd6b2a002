import { describe, expect, it } from 'vitest';
import { Lexicon } from '../../../src/draft/lexicon.js';
import { entity } from './helpers.js';

const lexicon = new Lexicon([
  entity('country/kz', 'Country', { kk: 'Қазақстан', ru: 'Казахстан', en: 'Kazakhstan' }, ['ҚР']),
  entity('person/mikhail-mishustin', 'Person', { kk: 'Михаил Мишустин', ru: 'Михаил Мишустин' }),
  entity('person/kassym-jomart-tokayev', 'Person', {
    kk: 'Қасым-Жомарт Тоқаев',
    ru: 'Касым-Жомарт Токаев',
  }),
  entity('office/prime-minister-of-kazakhstan', 'Office', { kk: 'ҚР Премьер-Министрі' }),
  entity('organization/government-of-kazakhstan', 'Organization', { kk: 'ҚР Үкіметі' }),
  entity('organization/government-of-russia', 'Organization', { kk: 'РФ Үкіметі' }),
]);
const found = (text: string, language: 'kk' | 'ru' = 'kk') =>
  lexicon.scan(text, language).map((m) => [m.entityId, m.excerpt.text]);

describe('Lexicon', () => {
  it('finds case forms, the -лық adjective and possessive compounds without listed forms', () => {
    expect(
      found('Ресейдің Қазақстанмен көршілігі, қазақстандық шикізат, ҚР Үкіметінің қызметі'),
    ).toEqual([
      ['country/kz', 'Қазақстанмен'],
      ['country/kz', 'қазақстандық'],
      ['organization/government-of-kazakhstan', 'ҚР Үкіметінің'],
    ]);
  });

  it('finds a person by the whole name in a case form and by the surname alone', () => {
    expect(found('Михаил Мишустинмен кездесті. Мишустин атап өтті.')).toEqual([
      ['person/mikhail-mishustin', 'Михаил Мишустинмен'],
      ['person/mikhail-mishustin', 'Мишустин'],
    ]);
    expect(found('встреча с Касым-Жомартом Токаевым и Токаевым', 'ru')).toEqual([
      ['person/kassym-jomart-tokayev', 'Касым-Жомартом Токаевым'],
      ['person/kassym-jomart-tokayev', 'Токаевым'],
    ]);
  });

  it('finds an office without its ҚР prefix, and by its bare title', () => {
    expect(found('— деді Премьер-Министр. Премьер-Министрі айтты.')).toEqual([
      ['office/prime-minister-of-kazakhstan', 'Премьер-Министр'],
      ['office/prime-minister-of-kazakhstan', 'Премьер-Министрі'],
    ]);
  });

  it('leaves a weak key two entities share to the one named last', () => {
    // `Үкіметі` alone is both governments' weak key: only resolved after one was named.
    expect(found('Үкіметі шешті.')).toEqual([]);
    const recent = ['organization/government-of-russia'];
    expect(lexicon.scan('Үкіметі шешті.', 'kk', 0, recent).map((m) => m.entityId)).toEqual([
      'organization/government-of-russia',
    ]);
  });

  it('does not find a name inside a hyphenated compound or a longer word', () => {
    expect(found('ҚРҒЫЗ, Қазақстанымыздың')).toEqual([]);
  });
});
