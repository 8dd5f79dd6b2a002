/**
 * Evidence on every relation field, against the whole seeded corpus over HTTP: each bare field
 * (`heldIn`, `onSidelinesOf`, `locatedIn`…) keeps answering as before, and its twin (`heldInFacts`,
 * `onSidelinesOfFact`…) answers the same nodes with each article's statement and the sentence
 * that states it; signatures, appointments and nominations come with their dates and each date's
 * evidence; a meeting's date and status with the sentences the declaring article gives for them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roundTrips, startSeededApi, type SeededApi } from '../helpers/graphql.js';

let api: SeededApi;

beforeAll(async () => {
  // A longer deadline than the default: the machine running the suite is shared, and these
  // tests are about answers, not about time.
  api = await startSeededApi({}, { corpus: 'all' });
});

afterAll(async () => {
  await api?.close();
});

interface Evidence {
  excerpts: string[];
  sentence: { id: string; text: string };
  article: { id: string };
}
interface Dated {
  date: string;
  evidence: Evidence[];
}
interface Statement {
  factId: string;
  article: { id: string };
  evidence: Evidence[];
  pointInTime: Dated | null;
}
interface Link {
  node: { id: string; name: string };
  evidence: Evidence[];
  statements: Statement[];
}
/** The links of a connection field (`sessionsFacts`, a page of links). */
interface Links {
  edges: Array<{ node: Link }>;
}
const linksOf = (page: Links): Link[] => page.edges.map((e) => e.node);

const EVIDENCE = 'evidence { excerpts sentence { id text } article { id } }';
const STATEMENTS = `statements { factId article { id } ${EVIDENCE} pointInTime { date ${EVIDENCE} } }`;
const LINK = `node { id name } ${EVIDENCE} ${STATEMENTS}`;

const FIRST = 'article/2022-08-25-smailov-mishustin';

/** Every excerpt of a list of evidence items. */
const excerpts = (evidence: Evidence[]) => evidence.flatMap((e) => e.excerpts);

describe('relation fields with their evidence', () => {
  it('a meeting: where, on the sidelines of what, reported by whom, and its date, each with the sentence', async () => {
    const data = await api.query<{
      meeting: {
        heldIn: Array<{ id: string }>;
        heldInFacts: Link[];
        onSidelinesOf: { id: string };
        onSidelinesOfFact: Link;
        reportedByFacts: Link[];
        date: string;
        dateFact: Dated;
        statusFact: { status: string; evidence: Evidence[] } | null;
      };
    }>(`{
      meeting: entity(id: "meeting/2022-08-25-smailov-mishustin") {
        ... on Meeting {
          heldIn { id }
          heldInFacts { ${LINK} }
          onSidelinesOf { id }
          onSidelinesOfFact { ${LINK} }
          reportedByFacts { ${LINK} }
          date
          dateFact { date ${EVIDENCE} }
          statusFact { status ${EVIDENCE} }
        }
      }
    }`);
    const m = data.meeting;
    // The bare field answers as before; its twin answers the same nodes.
    expect(m.heldInFacts.map((l) => l.node.id)).toEqual(m.heldIn.map((p) => p.id));
    const [held] = m.heldInFacts;
    expect(held!.node).toEqual({ id: 'place/cholpon-ata', name: 'Cholpon-Ata' });
    expect(held!.statements.map((s) => [s.factId, s.article.id])).toEqual([
      ['meeting-held-in-cholpon-ata', FIRST],
    ]);
    expect(excerpts(held!.evidence)).toContain('Шолпан-Атада (Қырғызстан) өтіп жатқан');
    for (const e of held!.evidence) {
      for (const x of e.excerpts) expect(e.sentence.text).toContain(x);
      expect(e.article.id).toBe(FIRST);
    }

    expect(m.onSidelinesOfFact.node.id).toBe(m.onSidelinesOf.id);
    expect(m.onSidelinesOfFact.node.id).toBe(
      'event/eurasian-intergovernmental-council-session-2022-08-cholpon-ata',
    );
    expect(excerpts(m.onSidelinesOfFact.evidence)).toEqual([
      'Еуразиялық үкіметаралық кеңес отырысы алаңында',
    ]);

    expect(m.reportedByFacts.map((l) => l.node.id)).toEqual([
      'organization/kz-government-press-service',
    ]);
    expect(excerpts(m.reportedByFacts[0]!.evidence)).toEqual([
      'деп хабарлайды ҚР Үкіметінің баспасөз қызметі',
    ]);

    // The date comes from the dateline, which is its evidence.
    expect(m.dateFact.date).toBe(m.date);
    expect(m.dateFact.evidence.map((e) => [e.excerpts, e.sentence.id])).toEqual([
      [['25 там, 2022'], 'sentence/2022-08-25-smailov-mishustin/0'],
    ]);
    // HELD by default: the article states no status, so none with evidence.
    expect(m.statusFact).toEqual({ status: 'HELD', evidence: [] });
  });

  it('a place is located in a country, an event is a session of a council and held in a place', async () => {
    const data = await api.query<{
      place: { locatedIn: Array<{ id: string }>; locatedInFacts: Link[] };
      session: { sessionOfFact: Link; heldInFacts: Link[] };
      council: { sessionsFacts: Links };
    }>(`{
      place: entity(id: "place/cholpon-ata") {
        ... on Place { locatedIn { id } locatedInFacts { ${LINK} } }
      }
      session: entity(id: "event/eurasian-intergovernmental-council-session-2022-08-cholpon-ata") {
        ... on Event { sessionOfFact { ${LINK} } heldInFacts { ${LINK} } }
      }
      council: entity(id: "organization/eurasian-intergovernmental-council") {
        ... on Organization { sessionsFacts(first: 5) { edges { node { ${LINK} } } } }
      }
    }`);
    expect(data.place.locatedInFacts.map((l) => l.node.id)).toEqual(
      data.place.locatedIn.map((p) => p.id),
    );
    expect(data.place.locatedInFacts[0]!.node.name).toBe('Kyrgyzstan');
    expect(excerpts(data.place.locatedInFacts[0]!.evidence)).toEqual(['Шолпан-Атада (Қырғызстан)']);

    expect(data.session.sessionOfFact.node.id).toBe(
      'organization/eurasian-intergovernmental-council',
    );
    expect(excerpts(data.session.sessionOfFact.evidence)).toEqual([
      'Еуразиялық үкіметаралық кеңес отырысы',
    ]);
    expect(data.session.heldInFacts[0]!.node.id).toBe('place/cholpon-ata');
    // The same relationship read from its other end.
    expect(
      linksOf(data.council.sessionsFacts).map((l) => [l.node.id, excerpts(l.evidence)]),
    ).toEqual([
      [
        'event/eurasian-intergovernmental-council-session-2022-08-cholpon-ata',
        ['Еуразиялық үкіметаралық кеңес отырысы'],
      ],
    ]);
  });

  it('an announced meeting: PLANNED, its planned date and the visit it is during, each with the sentence', async () => {
    const data = await api.query<{
      talks: {
        statusFact: { status: string; evidence: Evidence[] };
        dateFact: Dated;
        duringFact: Link;
      };
      visit: {
        hostCountryFact: Link;
        startDateFact: Dated;
        statusFact: { status: string; evidence: Evidence[] };
        meetingsDuringFacts: Links;
        eventsDuringFacts: Links;
      };
    }>(`{
      talks: entity(id: "meeting/2022-06-19-tokayev-raisi-talks") {
        ... on Meeting {
          statusFact { status ${EVIDENCE} }
          dateFact { date ${EVIDENCE} }
          duringFact { ${LINK} }
        }
      }
      visit: entity(id: "event/2022-06-19-tokayev-official-visit-to-iran") {
        ... on Event {
          hostCountryFact { ${LINK} }
          startDateFact { date ${EVIDENCE} }
          statusFact { status ${EVIDENCE} }
          meetingsDuringFacts(first: 3) { edges { node { ${LINK} } } }
          eventsDuringFacts(first: 3) { edges { node { ${LINK} } } }
        }
      }
    }`);
    const { talks, visit } = data;
    expect(talks.statusFact.status).toBe('PLANNED');
    expect(excerpts(talks.statusFact.evidence)).toEqual(['келіссөздері өтеді деп жоспарланған']);
    expect(talks.dateFact.date).toBe('2022-06-19');
    expect(excerpts(talks.dateFact.evidence)).toEqual(
      expect.arrayContaining(['19 маусымда', 'Сапар барысында']),
    );
    expect(talks.duringFact.node.id).toBe('event/2022-06-19-tokayev-official-visit-to-iran');
    expect(excerpts(talks.duringFact.evidence)).toEqual([
      'Сапар барысында Иран астанасы Тегеранда екі ел президенттерінің келіссөздері өтеді',
    ]);

    expect(visit.hostCountryFact.node).toEqual({ id: 'country/ir', name: 'Iran' });
    expect(excerpts(visit.hostCountryFact.evidence)).toEqual([
      'Иран Ислам Республикасына ресми сапармен барады',
    ]);
    expect([visit.startDateFact.date, excerpts(visit.startDateFact.evidence)]).toEqual([
      '2022-06-19',
      ['19 маусымда'],
    ]);
    expect(visit.statusFact.status).toBe('PLANNED');
    expect(
      linksOf(visit.meetingsDuringFacts)
        .map((l) => l.node.id)
        .sort(),
    ).toEqual(['meeting/2022-06-19-tokayev-khamenei', 'meeting/2022-06-19-tokayev-raisi-talks']);
    expect(linksOf(visit.eventsDuringFacts).map((l) => l.node.id)).toEqual([
      'event/2022-06-kazakh-trade-mission-to-iran',
    ]);
  });
});

describe('signatures, appointments and nominations, with their dates', () => {
  interface Signature {
    signer: { id: string };
    document: { id: string; name: string };
    office: { id: string } | null;
    country: { id: string } | null;
    date: string | null;
    evidence: Evidence[];
    statements: Statement[];
  }
  const SIGNATURE = `signer { id } document { id name } office { id } country { id } date ${EVIDENCE} ${STATEMENTS}`;

  it('what a person signed, in which office, when, and where the article says when', async () => {
    const data = await api.query<{
      tokayev: { signatures: { edges: Array<{ node: Signature }> } };
    }>(`{
      tokayev: entity(id: "person/kassym-jomart-tokayev") {
        ... on Person { signatures(first: 5) { edges { node { ${SIGNATURE} } } } }
      }
    }`);
    const signatures = data.tokayev.signatures.edges.map((e) => e.node);
    expect(signatures.map((s) => [s.document.id, s.office?.id, s.date])).toEqual([
      [
        'document/decree-2022-01-11-smailov-prime-minister',
        'office/president-of-kazakhstan',
        '2022-01-11',
      ],
      [
        'document/decree-2024-02-06-bektenov-prime-minister',
        'office/president-of-kazakhstan',
        '2024-02-06',
      ],
    ]);
    // Each date with the sentence that states it, in its own article.
    const [first, second] = signatures.map((s) => s.statements[0]!.pointInTime!);
    expect(first!.evidence.map((e) => [e.excerpts, e.article.id])).toEqual([
      [['Указ подписан 11 января 2022 года'], 'article/2022-01-11-smailov-appointed'],
    ]);
    expect(second!.evidence.map((e) => [e.excerpts, e.article.id])).toEqual([
      [['Жарлыққа 2024 жылғы 6 ақпанда қол қойылды'], 'article/2024-02-06-bektenov-appointed'],
    ]);
    expect(excerpts(signatures[0]!.evidence)).toEqual([
      'Глава государства Касым-Жомарт Токаев подписал указ о назначении Алихана Смаилова',
    ]);
  });

  it('a document: both signatories with their sides, and the meeting it was signed at', async () => {
    const data = await api.query<{
      memo: { signatures: Signature[]; signedAtFacts: Link[]; dateFact: Dated };
      meeting: { signedDocumentsFacts: Link[] };
    }>(`{
      memo: entity(id: "document/2022-11-07-kazakhstan-eu-raw-materials-memorandum") {
        ... on Document {
          signatures { ${SIGNATURE} }
          signedAtFacts { ${LINK} }
          dateFact { date ${EVIDENCE} }
        }
      }
      meeting: entity(id: "meeting/2022-11-07-smailov-von-der-leyen") {
        ... on Meeting { signedDocumentsFacts { ${LINK} } }
      }
    }`);
    const { memo } = data;
    expect(memo.signatures.map((s) => [s.signer.id, s.country?.id ?? null, s.date])).toEqual([
      ['person/alikhan-smailov', 'country/kz', '2022-11-07'],
      ['person/ursula-von-der-leyen', null, '2022-11-07'],
    ]);
    expect(memo.signedAtFacts.map((l) => [l.node.id, excerpts(l.evidence)])).toEqual([
      ['meeting/2022-11-07-smailov-von-der-leyen', ['По итогам встречи они подписали меморандум']],
    ]);
    expect(data.meeting.signedDocumentsFacts.map((l) => l.node.id)).toEqual([
      'document/2022-11-07-kazakhstan-eu-raw-materials-memorandum',
    ]);
    expect([memo.dateFact.date, excerpts(memo.dateFact.evidence)]).toEqual([
      '2022-11-07',
      ['Документ подписан 7 ноября 2022 года'],
    ]);
  });

  it('who appointed and nominated a person to what, when, with the evidence of each date', async () => {
    interface Appointment {
      action: string;
      by: { id: string };
      person: { id: string };
      office: { id: string } | null;
      date: string | null;
      evidence: Evidence[];
      statements: Statement[];
    }
    const APPOINTMENT = `action by { id } person { id } office { id } date ${EVIDENCE} ${STATEMENTS}`;
    const data = await api.query<{
      smailov: {
        appointments: Appointment[];
        nominations: Appointment[];
        dismissals: Appointment[];
      };
      decree: { appointments: Appointment[] };
    }>(`{
      smailov: entity(id: "person/alikhan-smailov") {
        ... on Person {
          appointments { ${APPOINTMENT} }
          nominations { ${APPOINTMENT} }
          dismissals { ${APPOINTMENT} }
        }
      }
      decree: entity(id: "document/decree-2024-02-06-bektenov-prime-minister") {
        ... on Document { appointments { ${APPOINTMENT} } }
      }
    }`);
    const { smailov, decree } = data;
    expect(smailov.appointments.map((a) => [a.action, a.by.id, a.office?.id, a.date])).toEqual([
      [
        'APPOINTED',
        'document/decree-2022-01-11-smailov-prime-minister',
        'office/prime-minister-of-kazakhstan',
        '2022-01-11',
      ],
    ]);
    const appointed = smailov.appointments[0]!.statements[0]!;
    expect(excerpts(appointed.pointInTime!.evidence)).toEqual([
      'Указ подписан 11 января 2022 года',
    ]);
    expect(excerpts(appointed.evidence)).toEqual([
      'указ о назначении Алихана Смаилова Премьер-Министром Республики Казахстан',
    ]);
    expect(smailov.nominations.map((a) => [a.action, a.by.id, a.date])).toEqual([
      ['NOMINATED', 'person/kassym-jomart-tokayev', '2022-01-11'],
    ]);
    // "the same day": both excerpts, in the sentences they lie in.
    expect(excerpts(smailov.nominations[0]!.statements[0]!.pointInTime!.evidence).sort()).toEqual(
      ['Указ подписан 11 января 2022 года', 'в тот же день'].sort(),
    );
    expect(smailov.dismissals).toEqual([]);
    expect(decree.appointments.map((a) => [a.action, a.person.id, a.date])).toEqual([
      ['APPOINTED', 'person/olzhas-bektenov', '2024-02-06'],
    ]);
  });
});

describe('offices in time', () => {
  interface Holding {
    person: { id: string };
    office: { id: string };
    from: string | null;
    until: string | null;
    acting: boolean;
    current: boolean;
  }
  const HOLDING = 'person { id } office { id } from until acting current';

  it("a country's officials include the offices of the country itself (its President), on a date too", async () => {
    const data = await api.query<{
      kz: { officials: Holding[]; onDate: Holding[] };
      ir: { officials: Holding[] };
    }>(`{
      kz: entity(id: "country/kz") {
        ... on Country {
          officials { ${HOLDING} }
          onDate: officials(asOf: "2023-01-01") { ${HOLDING} }
        }
      }
      ir: entity(id: "country/ir") { ... on Country { officials { ${HOLDING} } } }
    }`);
    const pairs = (hs: Holding[]) => hs.map((h) => `${h.person.id} ${h.office.id}`).sort();
    expect(pairs(data.kz.officials)).toContain(
      'person/kassym-jomart-tokayev office/president-of-kazakhstan',
    );
    expect(pairs(data.kz.onDate)).toEqual([
      'person/alikhan-smailov office/prime-minister-of-kazakhstan',
      'person/kassym-jomart-tokayev office/president-of-kazakhstan',
    ]);
    // Iran's offices are its own (no government organization of Iran is in the corpus).
    expect(pairs(data.ir.officials)).toEqual([
      'person/ali-khamenei office/supreme-leader-of-iran',
      'person/ebrahim-raisi office/president-of-iran',
    ]);
  });

  it('an acting spell is its own holding, not merged with the holding proper', async () => {
    const data = await api.query<{
      pm: { holders: Holding[]; actingDay: Holding[]; laterDay: Holding[] };
    }>(`{
      pm: entity(id: "office/prime-minister-of-kazakhstan") {
        ... on Office {
          holders { ${HOLDING} }
          actingDay: holders(asOf: "2022-01-07") { ${HOLDING} }
          laterDay: holders(asOf: "2023-06-01") { ${HOLDING} }
        }
      }
    }`);
    const smailov = data.pm.holders.filter((h) => h.person.id === 'person/alikhan-smailov');
    expect(smailov.map((h) => [h.acting, h.from, h.until, h.current])).toEqual([
      [false, '2022-01-11', '2024-02-05', false],
      [true, '2022-01-05', '2022-01-11', false],
    ]);
    expect(data.pm.actingDay.map((h) => [h.person.id, h.acting])).toEqual([
      ['person/alikhan-smailov', true],
    ]);
    expect(data.pm.laterDay.map((h) => [h.person.id, h.acting])).toEqual([
      ['person/alikhan-smailov', false],
    ]);
  });
});

describe('list filters of the new vocabulary', () => {
  type Page = { totalCount: number; edges: Array<{ node: { id: string } }> };
  const ids = (page: Page) => page.edges.map((e) => e.node.id);

  it('meetings and events by status, events by type', async () => {
    const data = await api.query<{ planned: Page; held: Page; visits: Page; missions: Page }>(`{
      planned: meetings(filter: { status: PLANNED }) { totalCount edges { node { id } } }
      held: meetings(filter: { status: HELD }, orderBy: { field: DATE }) { totalCount edges { node { id } } }
      visits: events(filter: { status: PLANNED, eventType: "OFFICIAL_VISIT" }) { totalCount edges { node { id } } }
      missions: events(filter: { eventType: "TRADE_MISSION", status: HELD }) { totalCount edges { node { id } } }
    }`);
    expect(ids(data.planned).sort()).toEqual([
      'meeting/2022-06-19-tokayev-khamenei',
      'meeting/2022-06-19-tokayev-raisi-talks',
    ]);
    expect(data.planned.totalCount).toBe(2);
    expect(ids(data.held)).toEqual([
      'meeting/2022-08-25-smailov-mishustin',
      'meeting/2022-11-07-smailov-von-der-leyen',
    ]);
    expect(ids(data.visits)).toEqual(['event/2022-06-19-tokayev-official-visit-to-iran']);
    // The trade mission is announced, not held.
    expect(data.missions).toEqual({ totalCount: 0, edges: [] });
  });

  it('documents by type and by signer, sorted by date', async () => {
    const data = await api.query<{ decrees: Page; bySmailov: Page; tokayevDecrees: Page }>(`{
      decrees: documents(filter: { documentType: DECREE }, orderBy: { field: DATE }) { totalCount edges { node { id } } }
      bySmailov: documents(filter: { signedBy: "person/alikhan-smailov" }) { totalCount edges { node { id } } }
      tokayevDecrees: documents(
        filter: { documentType: DECREE, signedBy: "person/kassym-jomart-tokayev", dateFrom: "2023-01-01" }
      ) { totalCount edges { node { id } } }
    }`);
    expect(ids(data.decrees)).toEqual([
      'document/decree-2022-01-11-smailov-prime-minister',
      'document/decree-2024-02-06-bektenov-prime-minister',
    ]);
    expect(ids(data.bySmailov)).toEqual([
      'document/2022-11-07-kazakhstan-eu-raw-materials-memorandum',
    ]);
    expect(data.tokayevDecrees.totalCount).toBe(1);
    expect(ids(data.tokayevDecrees)).toEqual([
      'document/decree-2024-02-06-bektenov-prime-minister',
    ]);
  });

  it('a filter the list does not have is a located BAD_USER_INPUT, not a server error', async () => {
    const response = await api.raw(
      `{ meetings(filter: { eventType: "OFFICIAL_VISIT" }) { totalCount } }`,
    );
    expect(response.status).toBe(200);
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toMatch(/filter\.eventType.*not a filter of meetings/);
    expect(response.errors?.[0]?.path).toEqual(['meetings']);
  });
});

describe('the evidence twins cost no round trip per item', () => {
  it('a page of meetings with heldInFacts and onSidelinesOfFact: as many round trips for 1 meeting as for 4', async () => {
    const trips = async (first: number) => {
      const response = await api.raw(`{
        meetings(first: ${first}, orderBy: { field: DATE }) {
          edges { node { id heldInFacts { node { id name locatedInFacts { node { id } statements { factId } } } statements { factId } } onSidelinesOfFact { node { id } } } }
        }
      }`);
      expect(response.errors).toBeUndefined();
      return roundTrips(response);
    };
    expect(await trips(1)).toBe(await trips(4));
    // The page, and every level of twins below it, in one statement.
    expect(await trips(4)).toBe(1);
  });
});
