/**
 * Office holdings as an appointment article states them: the acting holding with the day it
 * began and the appointment that ended it, the Kazakh `… бастап … атқарған еді`, and the
 * office an apposition names as held. The texts are ours (public facts, our own words), not
 * articles of seeds/; the registry is seeds/entities/.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftArticle } from '../../../src/draft/draft.js';
import type { Draft, DraftFact } from '../../../src/draft/model.js';
import { draftEntity } from '../../../src/draft/registry.js';
import { DEFAULT_SEEDS_DIR } from '../../../src/seed/index.js';
import { loadRegistry } from '../../../src/seed/registry.js';

const registry = [
  ...loadRegistry([path.join(DEFAULT_SEEDS_DIR, 'entities')]).entities.values(),
].map((r) => draftEntity(r.entity));

const PM = 'office/prime-minister-of-kazakhstan';

/** The holdings of an office, with the candidates' names in place of their ids. */
function holdingsOf(draft: Draft, office: string): Array<Record<string, unknown>> {
  const name = (id: string) => draft.candidates.find((c) => c.id === id)?.names[draft.language];
  return draft.facts
    .filter((f) => f.type === 'HOLDS_OFFICE' && f.to === office)
    .map((f: DraftFact) => ({
      who: name(f.from) ?? f.from,
      evidence: f.evidence.map((e) => e.text),
      ...f.qualifiers,
      ...Object.fromEntries(
        Object.entries(f.dated ?? {}).map(([k, d]) => [
          k,
          [d.date, ...d.evidence.map((e) => e.text)],
        ]),
      ),
    }));
}

describe('office holdings of an appointment', () => {
  it('Russian: an acting holding from `С <date>`, ended by the appointment to the office', () => {
    const draft = draftArticle(
      [
        '6 февраля 2024 года',
        '',
        'Олжас Бектенов назначен Премьер-Министром Казахстана',
        '',
        'Глава государства Касым-Жомарт Токаев подписал указ о назначении Олжаса Бектенова Премьер-Министром Республики Казахстан. Указ подписан 6 февраля 2024 года.',
        '',
        'С 5 февраля 2024 года Роман Скляр исполнял обязанности Премьер-Министра.',
      ].join('\n'),
      { registry },
    );
    const decreeDate = ['2024-02-06', 'Указ подписан 6 февраля 2024 года'];
    expect(holdingsOf(draft, PM)).toEqual([
      {
        who: 'person/olzhas-bektenov',
        evidence: ['Олжас Бектенов назначен Премьер-Министром Казахстана'],
        current: 'true',
        startDate: decreeDate,
      },
      {
        who: 'Роман Скляр',
        evidence: ['Роман Скляр исполнял обязанности Премьер-Министра'],
        acting: 'true',
        current: 'false',
        startDate: ['2024-02-05', 'С 5 февраля 2024 года Роман Скляр исполнял обязанности'],
        endDate: decreeDate,
      },
    ]);
    // The head of state named in apposition holds the office as the article is written.
    expect(holdingsOf(draft, 'office/president-of-kazakhstan')).toEqual([
      {
        who: 'person/kassym-jomart-tokayev',
        evidence: ['Глава государства Касым-Жомарт Токаев'],
        current: 'true',
        asOf: '2024-02-06',
      },
    ]);
  });

  it('Kazakh: `<date>-дан бастап … міндетін атқарған еді`, acting until the same person is appointed', () => {
    const draft = draftArticle(
      [
        '11 қаңтар, 2022',
        '',
        'Әлихан Смайылов Премьер-Министр болып тағайындалды',
        '',
        'Мемлекет басшысы Қасым-Жомарт Тоқаев Жарлыққа қол қойып, Әлихан Смайыловты Қазақстан Республикасының Премьер-Министрі етіп тағайындады. Жарлыққа 2022 жылғы 11 қаңтарда қол қойылды.',
        '',
        'Әлихан Смайылов 2022 жылғы 5 қаңтардан бастап Премьер-Министрдің міндетін атқарған еді.',
      ].join('\n'),
      { registry },
    );
    // One decree (the date sentence `Жарлыққа … қол қойылды` is not another), named in English
    // from the registry's established names.
    expect(draft.candidates.filter((c) => c.kind === 'Document').map((c) => c.names.en)).toEqual([
      'Decree appointing Alikhan Smailov Prime Minister of Kazakhstan',
    ]);
    const acting = holdingsOf(draft, PM).find((h) => h.acting === 'true');
    expect(acting).toEqual({
      who: 'person/alikhan-smailov',
      evidence: [
        'Әлихан Смайылов 2022 жылғы 5 қаңтардан бастап Премьер-Министрдің міндетін атқарған еді',
      ],
      acting: 'true',
      current: 'false',
      startDate: ['2022-01-05', '2022 жылғы 5 қаңтардан бастап'],
      endDate: ['2022-01-11', 'Жарлыққа 2022 жылғы 11 қаңтарда қол қойылды'],
    });
  });
});
