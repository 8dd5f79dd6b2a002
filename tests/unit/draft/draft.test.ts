import { describe, expect, it } from 'vitest';
import { draftArticle, readDateline } from '../../../src/draft/draft.js';
import { FIRST_ARTICLE_TEXT, entity } from './helpers.js';

describe('draftArticle on the first article, with an empty registry', () => {
  const draft = draftArticle(FIRST_ARTICLE_TEXT, { registry: [] });
  const candidate = (kk: string) => draft.candidates.find((c) => c.names.kk === kk);
  const facts = (type: string) => draft.facts.filter((f) => f.type === type);

  it('reads the dateline and the title', () => {
    expect(draft.publishedAt).toBe('2022-08-25T23:33:00+06:00');
    expect(draft.title).toBe('«Өзара мүдделер тоғысы». Смайылов пен Мишустин не туралы сөйлесті?');
  });

  it('proposes new entities in the nominative, with kind and established names', () => {
    expect(candidate('Әлихан Смайылов')).toMatchObject({
      id: 'person/alikhan-smailov',
      kind: 'Person',
      names: { ru: 'Алихан Смаилов', en: 'Alikhan Smailov' },
    });
    expect(candidate('РФ Үкіметінің төрағасы')?.kind).toBe('Office');
    expect(candidate('Шолпан-Ата')).toMatchObject({ kind: 'Place', names: { en: 'Cholpon-Ata' } });
    expect(candidate('Қырғызстан')).toMatchObject({
      id: 'country/kg',
      fields: { iso3166Alpha2: 'KG' },
    });
    expect(candidate('Еуразиялық үкіметаралық кеңес отырысы')?.kind).toBe('Event');
    expect(candidate('ҚР Үкіметінің баспасөз қызметі')?.fields).toEqual({
      organizationType: 'PRESS_SERVICE',
    });
    expect(candidate('Астрахан-Маңғышлақ магистральдық су тартқышы')?.fields).toEqual({
      projectType: 'WATER_PIPELINE',
    });
    expect(candidate('жаңа стратегиялық жобалар')?.kind).toBe('Topic');
    expect(candidate('Әлихан Смайылов пен Михаил Мишустиннің кездесуі')?.kind).toBe('Meeting');
  });

  it('drafts the facts: offices, the meeting, where, sidelines, reported by, discussed', () => {
    expect(facts('HOLDS_OFFICE').map((f) => f.evidence[0]!.text)).toEqual([
      'ҚР Премьер-Министрі Әлихан Смайылов',
      'РФ Үкіметінің төрағасы Михаил Мишустинмен',
    ]);
    expect(facts('PARTICIPATED_IN').map((f) => [f.from, f.qualifiers])).toEqual([
      [
        'person/alikhan-smailov',
        { officeId: 'office/prime-minister-of-kazakhstan', countryId: 'country/kz' },
      ],
      [
        'person/mikhail-mishustin',
        { officeId: 'office/chairman-of-the-government-of-russia', countryId: 'country/ru' },
      ],
    ]);
    expect(facts('ON_SIDELINES_OF')[0]!.evidence[0]!.text).toBe(
      'Еуразиялық үкіметаралық кеңес отырысы алаңында',
    );
    expect(facts('REPORTED_BY')[0]!.evidence[0]!.text).toBe(
      'деп хабарлайды ҚР Үкіметінің баспасөз қызметі',
    );
    expect(facts('LOCATED_IN').map((f) => f.to)).toContain('country/kg');
    expect(facts('HELD_IN').map((f) => f.to)).toEqual(['place/cholpon-ata', 'place/cholpon-ata']);
    const framings = facts('DISCUSSED').map((f) => f.qualifiers.framing);
    expect(framings.filter((f) => f === 'DISCUSSED')).toHaveLength(3);
    expect(framings.filter((f) => f === 'CONSIDERED')).toHaveLength(3);
    expect(framings.filter((f) => f === 'PROSPECT')).toHaveLength(8);
    // Every excerpt is verbatim.
    for (const f of draft.facts)
      for (const e of f.evidence) expect(FIRST_ARTICLE_TEXT.slice(e.start, e.end)).toBe(e.text);
  });

  it('links registered entities instead of proposing them', () => {
    const linked = draftArticle(FIRST_ARTICLE_TEXT, {
      registry: [
        entity('person/alikhan-smailov', 'Person', { kk: 'Әлихан Смайылов', ru: 'Алихан Смаилов' }),
      ],
    });
    expect(linked.candidates.some((c) => c.names.kk === 'Әлихан Смайылов')).toBe(false);
    const sentences = linked.mentions
      .filter((m) => m.entityId === 'person/alikhan-smailov')
      .map((m) => m.sentence);
    // The title's surname, the apposition, and the attributions.
    expect(sentences.length).toBeGreaterThanOrEqual(5);
  });
});

describe('readDateline', () => {
  it('reads Kazakh and Russian datelines, with the offset of the time', () => {
    expect(readDateline('25 там, 2022 сағат 23:33')).toEqual({
      date: '2022-08-25',
      dateTime: '2022-08-25T23:33:00+06:00',
    });
    expect(readDateline('11 января 2022 года')).toEqual({ date: '2022-01-11' });
    expect(readDateline('Тақырып')).toBeUndefined();
  });
});
