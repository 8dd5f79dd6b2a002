/**
 * The API over real HTTP against the seeded article: every entry point, both directions of the
 * relationships, provenance, search in kk/ru/en with Kazakh endings, path and neighbourhood.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSeededApi, type SeededApi } from '../helpers/graphql.js';

const SMAILOV = 'person/alikhan-smailov';
const MISHUSTIN = 'person/mikhail-mishustin';
const MEETING = 'meeting/2022-08-25-smailov-mishustin';
const CPC = 'infrastructure/caspian-pipeline-consortium';
const ARTICLE = 'article/2022-08-25-smailov-mishustin';

let api: SeededApi;
beforeAll(async () => {
  api = await startSeededApi();
});
afterAll(async () => {
  await api?.close();
});

type Ids = { edges: Array<{ node: { id: string } }> };
const ids = (c: Ids) => c.edges.map((e) => e.node.id);
/** A connection's page, as the tests select it. */
type Page<T> = { edges: Array<{ node: T }> };
const nodesOf = <T>(c: Page<T>): T[] => c.edges.map((e) => e.node);

describe('node lookups', () => {
  it('node(id:) resolves any kind to its concrete type', async () => {
    const data = await api.query<{
      person: { __typename: string; id: string } | null;
      sentence: { __typename: string; index: number } | null;
      article: { __typename: string } | null;
    }>(
      `{ person: node(id: "${SMAILOV}") { __typename id }
         sentence: node(id: "sentence/2022-08-25-smailov-mishustin/3") { __typename ... on Sentence { index } }
         article: node(id: "${ARTICLE}") { __typename } }`,
    );
    expect(data.person).toEqual({ __typename: 'Person', id: SMAILOV });
    expect(data.sentence).toEqual({ __typename: 'Sentence', index: 3 });
    expect(data.article?.__typename).toBe('Article');
  });

  it('unknown ids give null, in place', async () => {
    const data = await api.query<{ node: null; nodes: Array<{ id: string } | null>; entity: null }>(
      `{ node(id: "person/nobody") { id }
         nodes(ids: ["country/kz", "person/nobody", "country/ru"]) { id }
         entity(id: "${ARTICLE}") { id } }`,
    );
    expect(data.node).toBeNull();
    expect(data.nodes).toEqual([{ id: 'country/kz' }, null, { id: 'country/ru' }]);
    // An article is a node but not an entity.
    expect(data.entity).toBeNull();
  });

  it('an entity has its names in all three languages, aliases and forms', async () => {
    const data = await api.query<{
      entity: {
        kind: string;
        en: string;
        kk: string;
        ru: string;
        names: Record<string, string>;
        aliases: string[];
        forms: string[];
      };
    }>(
      `{ entity(id: "country/kz") { kind en: name kk: name(lang: KK) ru: name(lang: RU) names { kk ru en } aliases forms
           ... on Country { iso3166Alpha2 } } }`,
    );
    expect(data.entity.kind).toBe('COUNTRY');
    expect(data.entity.en).toBe('Kazakhstan');
    expect(data.entity.kk).toBe('Қазақстан');
    expect(data.entity.ru).toBe('Казахстан');
    expect(data.entity.names).toEqual({ kk: 'Қазақстан', ru: 'Казахстан', en: 'Kazakhstan' });
    expect(data.entity.aliases).toContain('ҚР');
    expect(data.entity.forms).toContain('Қазақстанның');
  });
});

describe('lists', () => {
  it('lists every kind, sorted by English name by default', async () => {
    const data = await api.query<Record<string, Ids & { totalCount: number }>>(`{
      countries { totalCount edges { node { id } } }
      people { totalCount edges { node { id } } }
      offices { totalCount edges { node { id } } }
      organizations { totalCount edges { node { id } } }
      places { totalCount edges { node { id } } }
      events { totalCount edges { node { id } } }
      meetings { totalCount edges { node { id } } }
      infrastructureProjects { totalCount edges { node { id } } }
      topics(first: 100) { totalCount edges { node { id } } }
    }`);
    // The facts in a second request: all fourteen lists at once cost more than GRAPHQL_MAX_COST
    // now that an omitted `first` counts as its default page size.
    Object.assign(
      data,
      await api.query<Record<string, Ids & { totalCount: number }>>(`{
        quotes { totalCount edges { node { id } } }
        claims(first: 100) { totalCount edges { node { id } } }
        numericFacts { totalCount edges { node { id } } }
        articles { totalCount edges { node { id } } }
        entities(first: 100) { totalCount edges { node { id } } }
      }`),
    );
    expect(ids(data.countries!)).toEqual(['country/kz', 'country/kg', 'country/ru']);
    expect(ids(data.people!)).toEqual([SMAILOV, MISHUSTIN]);
    expect(data.offices!.totalCount).toBe(2);
    expect(data.organizations!.totalCount).toBe(4);
    expect(data.places!.totalCount).toBe(2);
    expect(data.events!.totalCount).toBe(1);
    expect(ids(data.meetings!)).toEqual([MEETING]);
    expect(ids(data.infrastructureProjects!)).toContain(CPC);
    expect(data.topics!.totalCount).toBe(data.topics!.edges.length);
    expect(data.topics!.totalCount).toBeGreaterThan(10);
    expect(data.quotes!.totalCount).toBe(4);
    expect(data.numericFacts!.totalCount).toBe(4);
    expect(ids(data.articles!)).toEqual([ARTICLE]);
    const kinds =
      3 + 2 + 2 + 4 + 2 + 1 + 1 + data.infrastructureProjects!.totalCount + data.topics!.totalCount;
    expect(data.entities!.totalCount).toBe(kinds);
  });

  it('filters by name in any language and alias, case-insensitively', async () => {
    const data = await api.query<{
      kk: Ids;
      ru: Ids;
      en: Ids;
      alias: Ids;
      none: Ids & { totalCount: number };
    }>(`{
      kk: countries(filter: { nameContains: "ҚАЗАҚ" }) { edges { node { id } } }
      ru: people(filter: { nameContains: "мишус" }) { edges { node { id } } }
      en: people(filter: { nameContains: "SMAIL" }) { edges { node { id } } }
      alias: countries(filter: { nameContains: "рф" }) { edges { node { id } } }
      none: people(filter: { nameContains: "Nazarbayev" }) { totalCount edges { node { id } } }
    }`);
    expect(ids(data.kk)).toEqual(['country/kz']);
    expect(ids(data.ru)).toEqual([MISHUSTIN]);
    expect(ids(data.en)).toEqual([SMAILOV]);
    expect(ids(data.alias)).toEqual(['country/ru']);
    expect(data.none).toEqual({ totalCount: 0, edges: [] });
  });

  it('filters by related entity, by kind and by date range', async () => {
    const data = await api.query<Record<string, Ids>>(`{
      met: meetings(filter: { relatedTo: "${MISHUSTIN}" }) { edges { node { id } } }
      inRange: meetings(filter: { dateFrom: "2022-08-01", dateTo: "2022-08-31" }) { edges { node { id } } }
      before: meetings(filter: { dateTo: "2022-08-24" }) { edges { node { id } } }
      projects: entities(filter: { kinds: [INFRASTRUCTURE_PROJECT], nameContains: "caspian" }) { edges { node { id } } }
      mishustinQuotes: quotes(filter: { relatedTo: "${MISHUSTIN}" }) { edges { node { id } } }
      tradeFigures: numericFacts(filter: { textContains: "trade", dateFrom: "2022-01-01" }) { edges { node { id } } }
      articlesOnCpc: articles(filter: { relatedTo: "${CPC}", dateFrom: "2022-08-25", dateTo: "2022-08-25" }) { edges { node { id } } }
    }`);
    expect(ids(data.met!)).toEqual([MEETING]);
    expect(ids(data.inRange!)).toEqual([MEETING]);
    expect(ids(data.before!)).toEqual([]);
    expect(ids(data.projects!)).toEqual([CPC]);
    expect(ids(data.mishustinQuotes!)).toHaveLength(1);
    expect(ids(data.tradeFigures!)).toEqual([
      'numeric-fact/2022-08-25-smailov-mishustin/trade-growth-h1-2022',
    ]);
    expect(ids(data.articlesOnCpc!)).toEqual([ARTICLE]);
  });

  it('sorts by the requested field and direction', async () => {
    const data = await api.query<{
      desc: Ids;
      byValue: { edges: Array<{ node: { value: number } }> };
    }>(`{
      desc: countries(orderBy: { field: NAME, direction: DESC }) { edges { node { id } } }
      byValue: numericFacts(orderBy: { field: VALUE, direction: DESC }) { edges { node { value } } }
    }`);
    expect(ids(data.desc)).toEqual(['country/ru', 'country/kg', 'country/kz']);
    const values = data.byValue.edges.map((e) => e.node.value);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(values[0]).toBe(24_200_000_000);
  });
});

describe('relationships, both directions, with qualifiers and provenance', () => {
  it('meeting → participants with office and country; person → meetings', async () => {
    const data = await api.query<{
      meeting: {
        date: string;
        meetingType: string;
        participants: Array<{
          person: { id: string };
          office: { id: string };
          country: { id: string };
          statements: Array<{ factId: string; article: { id: string } }>;
          evidence: Array<{
            sentence: { index: number; text: string; start: number; end: number };
            article: { id: string; title: string; sourceName: string; publishedAt: string };
            excerpts: string[];
          }>;
        }>;
        heldIn: Array<{ id: string }>;
        onSidelinesOf: { id: string };
        reportedBy: Array<{ id: string }>;
      };
      person: { meetings: Page<{ meeting: { id: string }; office: { id: string } }> };
    }>(`{
      meeting: entity(id: "${MEETING}") { ... on Meeting { date meetingType
        participants { statements { factId article { id } } person { id } office { id } country { id }
          evidence { sentence { index text start end } article { id title sourceName publishedAt } excerpts } }
        heldIn { id } onSidelinesOf { id } reportedBy { id } } }
      person: entity(id: "${MISHUSTIN}") { ... on Person { meetings { edges { node { meeting { id } office { id } } } } } }
    }`);
    expect(data.meeting.date).toBe('2022-08-25');
    expect(data.meeting.meetingType).toBe('BILATERAL');
    const byPerson = Object.fromEntries(data.meeting.participants.map((p) => [p.person.id, p]));
    expect(byPerson[SMAILOV]?.country.id).toBe('country/kz');
    expect(byPerson[SMAILOV]?.office.id).toBe('office/prime-minister-of-kazakhstan');
    expect(byPerson[MISHUSTIN]?.country.id).toBe('country/ru');
    expect(byPerson[MISHUSTIN]?.statements).toHaveLength(1);
    expect(byPerson[MISHUSTIN]?.statements[0]?.article.id).toBe(ARTICLE);
    expect(byPerson[MISHUSTIN]?.statements[0]?.factId).not.toBe('');
    const evidence = byPerson[MISHUSTIN]!.evidence[0]!;
    expect(evidence.sentence.text).toContain('Мишустинмен кездесу өткізді');
    expect(evidence.sentence.end).toBeGreaterThan(evidence.sentence.start);
    expect(evidence.article).toMatchObject({
      id: ARTICLE,
      publishedAt: '2022-08-25T23:33:00+06:00',
    });
    expect(evidence.article.title).toContain('Өзара мүдделер тоғысы');
    expect(evidence.excerpts.every((x) => evidence.sentence.text.includes(x))).toBe(true);
    expect(evidence.excerpts.length).toBeGreaterThan(0);
    expect(data.meeting.heldIn).toEqual([{ id: 'place/cholpon-ata' }]);
    expect(data.meeting.onSidelinesOf.id).toBe(
      'event/eurasian-intergovernmental-council-session-2022-08-cholpon-ata',
    );
    expect(data.meeting.reportedBy).toEqual([{ id: 'organization/kz-government-press-service' }]);
    expect(nodesOf(data.person.meetings)).toEqual([
      { meeting: { id: MEETING }, office: { id: 'office/chairman-of-the-government-of-russia' } },
    ]);
  });

  it('meeting → discussed; topic and project → discussedAt', async () => {
    const data = await api.query<{
      meeting: {
        discussed: Array<{
          framing: string;
          subject: { __typename: string; id: string };
          raisedBy: { id: string } | null;
          evidence: unknown[];
        }>;
      };
      cpc: { discussedAt: Page<{ meeting: { id: string }; framing: string }> };
      topic: { discussedAt: Page<{ meeting: { id: string }; raisedBy: { id: string } | null }> };
    }>(`{
      meeting: entity(id: "${MEETING}") { ... on Meeting { discussed { framing raisedBy { id } evidence { excerpts }
        subject { __typename ... on Topic { id } ... on InfrastructureProject { id } } } } }
      cpc: entity(id: "${CPC}") { ... on InfrastructureProject { discussedAt { edges { node { meeting { id } framing } } } } }
      topic: entity(id: "topic/peaceful-atom") { ... on Topic { discussedAt { edges { node { meeting { id } raisedBy { id } } } } } }
    }`);
    const cpc = data.meeting.discussed.find((d) => d.subject.id === CPC);
    expect(cpc).toMatchObject({
      framing: 'CONSIDERED',
      subject: { __typename: 'InfrastructureProject' },
    });
    expect(cpc!.evidence.length).toBeGreaterThan(0);
    expect(nodesOf(data.cpc.discussedAt)).toEqual([
      { meeting: { id: MEETING }, framing: 'CONSIDERED' },
    ]);
    expect(nodesOf(data.topic.discussedAt)).toEqual([
      { meeting: { id: MEETING }, raisedBy: { id: MISHUSTIN } },
    ]);
  });

  it('person → offices → organization → country; country → officials and governments', async () => {
    const data = await api.query<{
      person: {
        offices: Array<{
          office: { id: string; organization: { id: string; governmentOf: { id: string } } };
          asOf: string | null;
        }>;
      };
      country: {
        officials: Array<{ person: { id: string }; office: { id: string } }>;
        governments: Array<{ id: string }>;
        representedAt: Page<{ person: { id: string } }>;
      };
      office: { holders: Array<{ person: { id: string } }> };
      kg: { places: Array<{ id: string }> };
      place: {
        locatedIn: Array<{ id: string }>;
        meetings: Page<{ id: string }>;
        events: Page<{ id: string }>;
      };
      org: { parts: Array<{ id: string }>; offices: Array<{ id: string }> };
      press: {
        partOf: { id: string };
        reportedMeetings: Page<{ id: string }>;
        sourcedArticles: Page<{ id: string }>;
      };
      event: {
        sessionOf: { id: string };
        sideMeetings: Page<{ id: string }>;
        heldIn: Array<{ id: string }>;
      };
    }>(`{
      person: entity(id: "${SMAILOV}") { ... on Person { offices { asOf office { id organization { id governmentOf { id } } } } } }
      country: entity(id: "country/kz") { ... on Country { officials { person { id } office { id } } governments { id } representedAt { edges { node { person { id } } } } } }
      office: entity(id: "office/prime-minister-of-kazakhstan") { ... on Office { holders { person { id } } } }
      kg: entity(id: "country/kg") { ... on Country { places { id } } }
      place: entity(id: "place/cholpon-ata") { ... on Place { locatedIn { id } meetings { edges { node { id } } } events { edges { node { id } } } } }
      org: entity(id: "organization/government-of-kazakhstan") { ... on Organization { parts { id } offices { id } } }
      press: entity(id: "organization/kz-government-press-service") { ... on Organization { partOf { id } reportedMeetings { edges { node { id } } } sourcedArticles { edges { node { id } } } } }
      event: entity(id: "event/eurasian-intergovernmental-council-session-2022-08-cholpon-ata") { ... on Event { sessionOf { id } sideMeetings { edges { node { id } } } heldIn { id } } }
    }`);
    expect(data.person.offices[0]!.office).toEqual({
      id: 'office/prime-minister-of-kazakhstan',
      organization: {
        id: 'organization/government-of-kazakhstan',
        governmentOf: { id: 'country/kz' },
      },
    });
    expect(data.country.officials).toEqual([
      { person: { id: SMAILOV }, office: { id: 'office/prime-minister-of-kazakhstan' } },
    ]);
    expect(data.country.governments).toEqual([{ id: 'organization/government-of-kazakhstan' }]);
    expect(nodesOf(data.country.representedAt)).toEqual([{ person: { id: SMAILOV } }]);
    expect(data.office.holders).toEqual([{ person: { id: SMAILOV } }]);
    expect(data.kg.places).toEqual([{ id: 'place/cholpon-ata' }]);
    expect(data.place.locatedIn).toEqual([{ id: 'country/kg' }]);
    expect(nodesOf(data.place.meetings)).toEqual([{ id: MEETING }]);
    expect(nodesOf(data.place.events)).toHaveLength(1);
    expect(data.org.parts).toEqual([{ id: 'organization/kz-government-press-service' }]);
    expect(data.org.offices).toEqual([{ id: 'office/prime-minister-of-kazakhstan' }]);
    expect(data.press.partOf.id).toBe('organization/government-of-kazakhstan');
    expect(nodesOf(data.press.reportedMeetings)).toEqual([{ id: MEETING }]);
    expect(nodesOf(data.press.sourcedArticles)).toEqual([{ id: ARTICLE }]);
    expect(data.event.sessionOf.id).toBe('organization/eurasian-intergovernmental-council');
    expect(nodesOf(data.event.sideMeetings)).toEqual([{ id: MEETING }]);
    expect(data.event.heldIn).toEqual([{ id: 'place/cholpon-ata' }]);
  });

  it('who said what where: person → quotes → meeting; quote → speaker, claims, figures', async () => {
    const data = await api.query<{
      person: {
        quotes: Page<{
          id: string;
          text: string;
          translationEn: string;
          meeting: { id: string };
          speaker: { id: string };
          figures: Array<{ id: string }>;
          claims: Array<{ id: string; madeBy: { id: string }; quote: { id: string } }>;
          evidence: Array<{ excerpts: string[]; sentence: { text: string } }>;
        }>;
        claims: Page<{ id: string }>;
        statedFigures: Page<{ id: string }>;
      };
      meeting: { quotes: Array<{ id: string }>; claims: Array<{ id: string }> };
    }>(`{
      person: entity(id: "${SMAILOV}") { ... on Person {
        quotes { edges { node { id text translationEn meeting { id } speaker { id } figures { id }
          claims { id madeBy { id } quote { id } } evidence { excerpts sentence { text } } } } }
        claims { edges { node { id } } } statedFigures { edges { node { id } } } } }
      meeting: entity(id: "${MEETING}") { ... on Meeting { quotes { id } claims { id } } }
    }`);
    const quotes = nodesOf(data.person.quotes);
    expect(quotes).toHaveLength(3);
    for (const quote of quotes) {
      expect(quote.speaker.id).toBe(SMAILOV);
      expect(quote.meeting.id).toBe(MEETING);
      expect(quote.translationEn.length).toBeGreaterThan(0);
      // The quote's evidence, cut to each sentence, lies in that sentence and in the quote.
      for (const e of quote.evidence) {
        expect(e.excerpts).toHaveLength(1);
        expect(e.sentence.text).toContain(e.excerpts[0]);
        expect(quote.text).toContain(e.excerpts[0]);
      }
    }
    const trade = quotes.find((q) => q.text.includes('$24,2 млрд'))!;
    expect(trade.figures.map((f) => f.id)).toContain(
      'numeric-fact/2022-08-25-smailov-mishustin/trade-turnover-2021',
    );
    expect(trade.evidence.length).toBeGreaterThan(1);
    expect(nodesOf(data.person.statedFigures).length).toBeGreaterThanOrEqual(3);
    expect(nodesOf(data.person.claims).length).toBeGreaterThan(0);
    expect(data.meeting.quotes).toHaveLength(4);
    expect(data.meeting.claims.length).toBeGreaterThan(0);
  });

  it('numeric facts are typed: value, unit, currency, period, change, and what they are about', async () => {
    const data = await api.query<{
      node: {
        metric: string;
        value: number;
        unit: string;
        currency: string;
        period: { start: string; end: string; label: string };
        change: string;
        isChange: boolean;
        qualifiers: string[];
        surfaceText: string;
        statedBy: { id: string };
        quote: { id: string };
        about: Array<{ id: string }>;
        article: { id: string };
        evidence: Array<{ excerpts: string[] }>;
      };
      country: { statementsAbout: Page<{ __typename: string; id: string }> };
    }>(`{
      node(id: "numeric-fact/2022-08-25-smailov-mishustin/trade-turnover-2021") { ... on NumericFact {
        metric value unit currency period { start end label } change isChange qualifiers surfaceText
        statedBy { id } quote { id } about { id } article { id } evidence { excerpts } } }
      country: entity(id: "country/ru") { statementsAbout(first: 100) { edges { node { __typename id } } } }
    }`);
    expect(data.node).toMatchObject({
      value: 24_200_000_000,
      unit: 'CURRENCY',
      currency: 'USD',
      period: { start: '2021-01-01', end: '2021-12-31', label: '2021' },
      change: 'INCREASE',
      isChange: false,
      surfaceText: '$24,2 млрд',
      statedBy: { id: SMAILOV },
      article: { id: ARTICLE },
    });
    expect(data.node.qualifiers).toContain('record');
    expect(data.node.about.map((a) => a.id)).toEqual(
      expect.arrayContaining(['country/kz', 'country/ru']),
    );
    expect(data.node.evidence[0]!.excerpts.join(' ')).toContain('$24,2 млрд');
    expect(nodesOf(data.country.statementsAbout).map((s) => s.id)).toContain(
      'numeric-fact/2022-08-25-smailov-mishustin/trade-turnover-2021',
    );
  });

  it('entity → mentions: the sentences, with the forms found', async () => {
    const data = await api.query<{
      entity: {
        mentions: {
          totalCount: number;
          edges: Array<{ forms: string[]; count: number; node: { index: number; text: string } }>;
        };
      };
    }>(
      `{ entity(id: "country/kz") { mentions(first: 50) { totalCount edges { forms count node { index text } } } } }`,
    );
    const { totalCount, edges } = data.entity.mentions;
    expect(totalCount).toBe(edges.length);
    expect(edges.map((e) => e.node.index)).toEqual(
      [...edges.map((e) => e.node.index)].sort((a, b) => a - b),
    );
    const genitive = edges.find((e) => e.forms.includes('Қазақстанның'));
    expect(genitive?.node.text).toContain('Қазақстанның');
    for (const edge of edges) for (const form of edge.forms) expect(edge.node.text).toContain(form);
  });
});

describe('article(id:)', () => {
  it('has its sentences in order, each with the entities it mentions and the facts it supports', async () => {
    const data = await api.query<{
      article: {
        title: string;
        language: string;
        sourceName: string;
        source: { id: string };
        text: string;
        publishedAt: string;
        sentences: Page<{
          index: number;
          start: number;
          end: number;
          text: string;
          article: { id: string };
          mentions: Array<{ entity: { id: string }; forms: string[] }>;
          facts: Array<{ __typename: string; id: string }>;
        }>;
        quotes: Array<{ id: string }>;
        claims: Array<{ id: string }>;
        numericFacts: Array<{ id: string }>;
      };
    }>(`{ article(id: "${ARTICLE}") { title language sourceName source { id } text publishedAt
      sentences(first: 30) { edges { node { index start end text article { id } mentions { entity { id } forms } facts { __typename id } } } }
      quotes { id } claims { id } numericFacts { id } } }`);
    const a = { ...data.article, sentences: nodesOf(data.article.sentences) };
    expect(a.language).toBe('kk');
    expect(a.source.id).toBe('organization/kz-government-press-service');
    expect(a.sentences.map((s) => s.index)).toEqual(a.sentences.map((_, i) => i));
    for (const s of a.sentences) {
      expect([...a.text].slice(s.start, s.end).join('')).toBe(s.text);
      expect(s.article.id).toBe(ARTICLE);
    }
    const meetingSentence = a.sentences.find((s) => s.text.includes('Мишустинмен'))!;
    expect(meetingSentence.mentions.map((m) => m.entity.id)).toEqual(
      expect.arrayContaining([SMAILOV, MISHUSTIN, 'place/cholpon-ata']),
    );
    const tradeSentence = a.sentences.find((s) => s.text.includes('$24,2 млрд'))!;
    expect(tradeSentence.facts.map((f) => f.id)).toContain(
      'numeric-fact/2022-08-25-smailov-mishustin/trade-turnover-2021',
    );
    expect(a.quotes).toHaveLength(4);
    expect(a.numericFacts).toHaveLength(4);
    expect(a.claims.length).toBeGreaterThan(5);
  });

  it('is null for an unknown id', async () => {
    const data = await api.query<{ article: null }>(`{ article(id: "article/none") { id } }`);
    expect(data.article).toBeNull();
  });
});

describe('search', () => {
  const search = async (query: string, extra = '') => {
    const data = await api.query<{
      search: Array<{ entity: { id: string }; score: number; matchedName: string }>;
    }>(`query($q: String!) { search(query: $q${extra}) { entity { id } score matchedName } }`, {
      q: query,
    });
    return data.search;
  };

  it.each([
    ['mishustin', MISHUSTIN],
    ['MISHUSTIN', MISHUSTIN],
    ['Мишустин', MISHUSTIN],
    ['Мишустинмен', MISHUSTIN],
    ['мишустину', MISHUSTIN],
    ['Қазақстанның', 'country/kz'],
    ['Қазақстанға', 'country/kz'],
    ['Казахстан', 'country/kz'],
    ['Kazakhstan', 'country/kz'],
    ['Шолпан-Атада', 'place/cholpon-ata'],
    ['Cholpon-Ata', 'place/cholpon-ata'],
    ['Smailov', SMAILOV],
    ['Смайыловпен', SMAILOV],
    ['Каспий құбыр консорциумы', CPC],
    ['Caspian Pipeline', CPC],
  ])('"%s" finds %s first', async (query, id) => {
    const hits = await search(query);
    expect(hits[0]?.entity.id).toBe(id);
    expect(hits[0]?.score).toBeGreaterThan(0);
  });

  it('ranks hits by score and names the matched name in the query script', async () => {
    const hits = await search('Мишустинмен');
    const scores = hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(hits[0]!.matchedName).toMatch(/Мишустин/);
    const latin = await search('mishustin');
    expect(latin[0]!.matchedName).toMatch(/Mishustin/);
  });

  it('filters by kind and limits with first', async () => {
    const meetings = await search('Мишустин', ', kinds: [MEETING]');
    expect(meetings.map((h) => h.entity.id)).toEqual([MEETING]);
    const one = await search('Қазақстан', ', first: 1');
    expect(one).toHaveLength(1);
  });

  it('treats Lucene syntax in the query as plain text', async () => {
    const hits = await search('Mishustin AND (title:"x" OR *) ~ ^ [a TO z] \\ /');
    expect(hits[0]?.entity.id).toBe(MISHUSTIN);
    expect(await search('!!! ***')).toEqual([]);
  });
});

describe('path and neighborhood', () => {
  it('path: Mishustin → Caspian Pipeline Consortium, ordered nodes and relationships', async () => {
    const data = await api.query<{
      path: {
        length: number;
        nodes: Array<{ id: string; type: string; caption: string }>;
        relationships: Array<{
          type: string;
          source: string;
          target: string;
          qualifiers: Array<{ key: string; value: string }>;
          evidence: Array<{ sentence: { index: number } }>;
        }>;
      };
    }>(`{ path(from: "${MISHUSTIN}", to: "${CPC}") { length nodes { id type caption }
      relationships { type source target caption qualifiers { key value } evidence { sentence { index } } } } }`);
    const { path } = data;
    expect(path.length).toBe(2);
    expect(path.nodes.map((n) => n.id)).toEqual([MISHUSTIN, MEETING, CPC]);
    expect(path.nodes[0]).toMatchObject({ type: 'Person', caption: 'Mikhail Mishustin' });
    expect(path.relationships.map((r) => r.type)).toEqual(['PARTICIPATED_IN', 'DISCUSSED']);
    expect(path.relationships[1]).toMatchObject({ source: MEETING, target: CPC });
    expect(path.relationships[1]!.qualifiers).toContainEqual({
      key: 'framing',
      value: 'CONSIDERED',
    });
    expect(path.relationships[0]!.evidence.length).toBeGreaterThan(0);
    // Asked without its relationships (which are then not read), the same length and nodes.
    const bare = await api.query<{ path: { length: number; nodes: Array<{ id: string }> } }>(
      `{ path(from: "${MISHUSTIN}", to: "${CPC}") { length nodes { id } } }`,
    );
    expect(bare.path).toEqual({ length: 2, nodes: path.nodes.map((n) => ({ id: n.id })) });
  });

  it('path: null when nothing connects within maxHops; one node from a node to itself', async () => {
    const data = await api.query<{
      far: null;
      unknown: null;
      self: { length: number; nodes: Array<{ id: string }> };
    }>(`{
      far: path(from: "place/kz-northern-and-eastern-regions", to: "${CPC}", maxHops: 1) { length }
      unknown: path(from: "person/nobody", to: "${CPC}") { length }
      self: path(from: "${CPC}", to: "${CPC}") { length nodes { id } }
    }`);
    expect(data.far).toBeNull();
    expect(data.unknown).toBeNull();
    expect(data.self).toEqual({ length: 0, nodes: [{ id: CPC }] });
  });

  it('neighborhood: nodes and edges around a node, growing with depth', async () => {
    const data = await api.query<{
      one: {
        center: { id: string };
        nodes: Array<{ id: string; type: string; caption: string; node: { id: string } }>;
        edges: Array<{ type: string; source: string; target: string }>;
      };
      two: { nodes: Array<{ id: string }>; edges: unknown[] };
      withProvenance: { nodes: Array<{ type: string }> };
      unknown: null;
    }>(`{
      one: neighborhood(id: "${CPC}") { center { id } nodes { id type caption node { id } } edges { type source target } }
      two: neighborhood(id: "${CPC}", depth: 2) { nodes { id } edges { type } }
      withProvenance: neighborhood(id: "${CPC}", includeProvenance: true) { nodes { type } }
      unknown: neighborhood(id: "person/nobody") { center { id } }
    }`);
    expect(data.one.center.id).toBe(CPC);
    expect(data.one.nodes.map((n) => n.id)).toEqual(expect.arrayContaining([CPC, MEETING]));
    expect(data.one.edges).toContainEqual({ type: 'DISCUSSED', source: MEETING, target: CPC });
    const nodeIds = new Set(data.one.nodes.map((n) => n.id));
    for (const e of data.one.edges) {
      expect(nodeIds.has(e.source) && nodeIds.has(e.target)).toBe(true);
    }
    expect(data.two.nodes.map((n) => n.id)).toEqual(expect.arrayContaining([SMAILOV, MISHUSTIN]));
    expect(data.two.edges.length).toBeGreaterThan(data.one.edges.length);
    expect(data.withProvenance.nodes.map((n) => n.type)).toContain('Sentence');
    expect(data.unknown).toBeNull();
  });
});
