/**
 * The draft on articles written for these tests, in our own words from public facts
 * (tests/fixtures/draft/): none of them is in seeds/, so the rules are held to texts they
 * were not written from. The registry is seeds/entities/ (Tokayev, the Kazakh offices); every
 * other name is new to the draft.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftArticle } from '../../../src/draft/draft.js';
import type { Draft } from '../../../src/draft/model.js';
import { draftEntity } from '../../../src/draft/registry.js';
import { DEFAULT_SEEDS_DIR } from '../../../src/seed/index.js';
import { loadRegistry } from '../../../src/seed/registry.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/draft');
const registry = [
  ...loadRegistry([path.join(DEFAULT_SEEDS_DIR, 'entities')]).entities.values(),
].map((r) => draftEntity(r.entity));
const draftOf = (file: string) =>
  draftArticle(readFileSync(path.join(FIXTURES, file), 'utf8'), { registry });

/** A fact as `TYPE from → to`, with the candidates' names in place of their ids. */
function facts(draft: Draft, type: string): string[] {
  const name = (id: string) => {
    const c = draft.candidates.find((x) => x.id === id);
    return c ? (c.names[draft.language] ?? c.id) : id;
  };
  return draft.facts.filter((f) => f.type === type).map((f) => `${name(f.from)} → ${name(f.to)}`);
}
const named = (draft: Draft, kind: string) =>
  draft.candidates.filter((c) => c.kind === kind).map((c) => c.names[draft.language]);

describe('a Russian report of a treaty signed at talks', () => {
  const draft = draftOf('article-2022-12-22-kazakhstan-uzbekistan-treaty.ru.txt');

  it('names the new person, office, body, meeting and document in the nominative', () => {
    expect(named(draft, 'Person')).toEqual(['Шавкат Мирзиёев']);
    expect(named(draft, 'Office')).toEqual(['Президент Узбекистана']);
    expect(named(draft, 'Organization')).toEqual(['Министерство иностранных дел Казахстана']);
    expect(named(draft, 'Meeting')).toEqual(['Встреча Касым-Жомарта Токаева и Шавката Мирзиёева']);
    expect(named(draft, 'Document')).toEqual([
      'Договор о союзнических отношениях между Республикой Казахстан и Республикой Узбекистан',
    ]);
    expect(draft.candidates.find((c) => c.kind === 'Document')?.fields).toEqual({
      documentType: 'AGREEMENT',
      date: '2022-12-22',
    });
  });

  it('drafts who met where, who signed at the talks, and the claims', () => {
    const meeting = 'Встреча Касым-Жомарта Токаева и Шавката Мирзиёева';
    const treaty =
      'Договор о союзнических отношениях между Республикой Казахстан и Республикой Узбекистан';
    expect(facts(draft, 'PARTICIPATED_IN')).toEqual([
      `person/kassym-jomart-tokayev → ${meeting}`,
      `Шавкат Мирзиёев → ${meeting}`,
    ]);
    expect(facts(draft, 'HELD_IN')).toEqual([`${meeting} → Ташкент`]);
    expect(facts(draft, 'SIGNED')).toEqual([
      `person/kassym-jomart-tokayev → ${treaty}`,
      `Шавкат Мирзиёев → ${treaty}`,
    ]);
    expect(facts(draft, 'SIGNED_AT')).toEqual([`${treaty} → ${meeting}`]);
    expect(draft.facts.find((f) => f.type === 'SIGNED')?.dated?.pointInTime).toMatchObject({
      date: '2022-12-22',
      evidence: [{ text: 'Документ подписан 22 декабря 2022 года' }],
    });
    expect(draft.claims.map((c) => [c.evidence.text, c.by])).toEqual([
      ['Наши страны связывают общая история и близкие культуры', 'person/kassym-jomart-tokayev'],
      [
        'договор укрепит сотрудничество двух стран в торговле, энергетике и транспорте',
        'organization/ministerstvo-inostrannykh-del-kazakhstana',
      ],
    ]);
  });
});

describe('a Kazakh report of an announced official visit', () => {
  const draft = draftOf('article-2023-09-27-tokayev-visit-to-germany.kk.txt');
  const visit = 'Қасым-Жомарт Тоқаевтың Германияға ресми сапары';

  it('drafts the visit with its visitor, host, country, day and status', () => {
    const event = draft.candidates.find((c) => c.names.kk === visit);
    expect(event?.fields).toEqual({
      eventType: 'OFFICIAL_VISIT',
      status: 'PLANNED',
      startDate: '2023-09-28',
      endDate: '2023-09-28',
    });
    expect(event?.names.ru).toBe('Официальный визит Касым-Жомарта Токаева в Германию');
    const roles = draft.facts
      .filter((f) => f.type === 'PARTICIPATED_IN' && f.qualifiers.role)
      .map((f) => [f.from, f.qualifiers.role]);
    expect(roles).toEqual([
      ['person/kassym-jomart-tokayev', 'VISITOR'],
      ['person/olaf-sholts', 'HOST'],
      ['organization/kazakstandyk-kasipkerler-delegatsiyasy', 'DELEGATION_MEMBER'],
    ]);
    expect(facts(draft, 'HELD_IN')).toContain(`${visit} → Германия`);
  });

  it('drafts the talks and the trade mission during the visit, and the planned signing', () => {
    expect(facts(draft, 'DURING')).toEqual([
      `Қасым-Жомарт Тоқаев пен Олаф Шольцтың келіссөздері → ${visit}`,
      `Қазақстандық кәсіпкерлердің Германияға сауда миссиясы → ${visit}`,
    ]);
    expect(facts(draft, 'HELD_IN')).toContain(
      'Қасым-Жомарт Тоқаев пен Олаф Шольцтың келіссөздері → Берлин',
    );
    expect(draft.claims).toMatchObject([
      { claimType: 'AGENDA', madeAt: expect.stringMatching(/^event\//u) },
    ]);
  });
});

describe('a Russian report of an appointment by decree', () => {
  const draft = draftOf('article-2023-09-01-nurtleu-appointed.ru.txt');

  it('drafts the decree, who signed it and whom it appointed to what', () => {
    expect(named(draft, 'Person')).toEqual(['Мурат Нуртлеу']);
    const decree =
      'Указ о назначении Мурата Нуртлеу Министром иностранных дел Республики Казахстан';
    expect(named(draft, 'Document')).toEqual([decree]);
    expect(facts(draft, 'SIGNED')).toEqual([`person/kassym-jomart-tokayev → ${decree}`]);
    expect(facts(draft, 'APPOINTED')).toEqual([`${decree} → Мурат Нуртлеу`]);
    expect(draft.facts.find((f) => f.type === 'APPOINTED')?.qualifiers.officeId).toBe(
      draft.candidates.find((c) => c.names.ru === 'Министр иностранных дел')?.id,
    );
  });

  it('does not take an office named only in part for the one held before', () => {
    expect(facts(draft, 'HOLDS_OFFICE')).not.toContain(
      'Мурат Нуртлеу → office/president-of-kazakhstan',
    );
  });
});
