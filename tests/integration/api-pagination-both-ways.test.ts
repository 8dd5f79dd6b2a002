/**
 * Pagination both ways (Relay Cursor Connections): every kind of connection — the root lists,
 * an entity's mentions, and the relation fields that are connections (nodes, and items such as
 * discussions) — walked forward with first/after and backward with last/before gives the same
 * items in reverse, with hasPreviousPage/hasNextPage right at every page; `after`+`before`
 * windows, empty pages, bad cursors, `first`+`last`, and nested backward pages in one round trip.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roundTrips, startSeededApi, type SeededApi } from '../helpers/graphql.js';

let api: SeededApi;
beforeAll(async () => {
  api = await startSeededApi({ GRAPHQL_MAX_COST: '1000000' }, { corpus: 'all' });
});
afterAll(async () => {
  await api?.close();
});

interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}
interface Page {
  edges: Array<{ cursor: string; node: unknown }>;
  pageInfo: PageInfo;
  totalCount?: number;
}

const PAGE_FIELDS =
  'edges { cursor node { ITEM } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }';
const ARGS = '(first: $first, after: $after, last: $last, before: $before)';
const VARS = '$first: Int, $after: String, $last: Int, $before: String';

/** A connection to walk: the query (with ARGS on the connection) and where its page is. */
interface Kind {
  name: string;
  query: string;
  page: (data: Record<string, unknown>) => Page;
  /** The page size to walk by (default 2). */
  size?: number;
}

const at =
  (...path: string[]) =>
  (data: Record<string, unknown>): Page =>
    path.reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], data) as Page;

const rootList = (list: string, item = 'id'): Kind => ({
  name: list,
  query: `query(${VARS}) { ${list}${ARGS} { ${PAGE_FIELDS.replace('ITEM', item)} } }`,
  page: at(list),
});

const KINDS: Kind[] = [
  ...[
    'countries',
    'people',
    'offices',
    'organizations',
    'places',
    'events',
    'meetings',
    'infrastructureProjects',
    'topics',
    'entities',
    'quotes',
    'claims',
    'numericFacts',
    'articles',
  ].map((list) => rootList(list)),
  {
    name: 'meetings by date, descending',
    query: `query(${VARS}) { meetings${ARGS.replace(')', ', orderBy: { field: DATE, direction: DESC })')} { ${PAGE_FIELDS.replace('ITEM', 'id')} } }`,
    page: at('meetings'),
  },
  {
    name: 'Entity.mentions',
    query: `query(${VARS}) { entity(id: "country/kz") { mentions${ARGS} { ${PAGE_FIELDS.replace('ITEM', 'id')} } } }`,
    page: at('entity', 'mentions'),
  },
  {
    name: 'Article.sentences',
    query: `query(${VARS}) { article(id: "article/2022-08-25-smailov-mishustin") { sentences${ARGS} { ${PAGE_FIELDS.replace('ITEM', 'id index')} } } }`,
    page: at('article', 'sentences'),
  },
  {
    name: 'Entity.statementsAbout',
    query: `query(${VARS}) { entity(id: "country/kz") { statementsAbout${ARGS} { ${PAGE_FIELDS.replace('ITEM', '__typename id')} } } }`,
    page: at('entity', 'statementsAbout'),
  },
  {
    name: 'Person.quotes',
    query: `query(${VARS}) { entity(id: "person/alikhan-smailov") { ... on Person { quotes${ARGS} { ${PAGE_FIELDS.replace('ITEM', 'id')} } } } }`,
    page: at('entity', 'quotes'),
  },
  ...(
    [
      ['Person.signed', 'person/alikhan-smailov', 'Person', 'signed'],
      ['Person.statedFigures', 'person/alikhan-smailov', 'Person', 'statedFigures'],
      [
        'Organization.sessions',
        'organization/eurasian-intergovernmental-council',
        'Organization',
        'sessions',
      ],
      [
        'Organization.sourcedArticles',
        'organization/kz-government-press-service',
        'Organization',
        'sourcedArticles',
      ],
      [
        'Organization.reportedMeetings',
        'organization/kz-government-press-service',
        'Organization',
        'reportedMeetings',
      ],
      ['Place.meetings', 'place/cholpon-ata', 'Place', 'meetings'],
      ['Place.events', 'place/cholpon-ata', 'Place', 'events'],
    ] as const
  ).map(([name, id, type, field]): Kind => ({
    name,
    query: `query(${VARS}) { entity(id: "${id}") { ... on ${type} { ${field}${ARGS} { ${PAGE_FIELDS.replace('ITEM', 'id')} } } } }`,
    page: at('entity', field),
    size: 1,
  })),
  // Relation fields whose items are relationships (participations, signatures) or links (a
  // node with its statements), paged as their plain fields are.
  ...(
    [
      [
        'Person.meetings',
        'person/alikhan-smailov',
        'Person',
        'meetings',
        'person { id } meeting { id }',
      ],
      [
        'Country.representedAt',
        'country/kz',
        'Country',
        'representedAt',
        'person { id } meeting { id }',
      ],
      [
        'Person.signatures',
        'person/kassym-jomart-tokayev',
        'Person',
        'signatures',
        'signer { id } document { id }',
      ],
      [
        'Event.sideMeetings',
        'event/eurasian-intergovernmental-council-session-2022-08-cholpon-ata',
        'Event',
        'sideMeetings',
        'id',
      ],
      [
        'Event.sideMeetingsFacts',
        'event/eurasian-intergovernmental-council-session-2022-08-cholpon-ata',
        'Event',
        'sideMeetingsFacts',
        'node { id }',
      ],
      [
        'Event.meetingsDuring',
        'event/2022-06-19-tokayev-official-visit-to-iran',
        'Event',
        'meetingsDuring',
        'id',
      ],
      [
        'Event.meetingsDuringFacts',
        'event/2022-06-19-tokayev-official-visit-to-iran',
        'Event',
        'meetingsDuringFacts',
        'node { id }',
      ],
      [
        'Event.eventsDuring',
        'event/2022-06-19-tokayev-official-visit-to-iran',
        'Event',
        'eventsDuring',
        'id',
      ],
      [
        'Event.eventsDuringFacts',
        'event/2022-06-19-tokayev-official-visit-to-iran',
        'Event',
        'eventsDuringFacts',
        'node { id }',
      ],
      ['Event.parts', 'event/2022-06-kazakh-trade-mission-to-iran', 'Event', 'parts', 'id'],
      [
        'Event.partsFacts',
        'event/2022-06-kazakh-trade-mission-to-iran',
        'Event',
        'partsFacts',
        'node { id }',
      ],
      [
        'Organization.sessionsFacts',
        'organization/eurasian-intergovernmental-council',
        'Organization',
        'sessionsFacts',
        'node { id }',
      ],
      [
        'Organization.reportedMeetingsFacts',
        'organization/kz-government-press-service',
        'Organization',
        'reportedMeetingsFacts',
        'node { id }',
      ],
      ['Place.meetingsFacts', 'place/cholpon-ata', 'Place', 'meetingsFacts', 'node { id }'],
      ['Place.eventsFacts', 'place/cholpon-ata', 'Place', 'eventsFacts', 'node { id }'],
    ] as const
  ).map(([name, id, type, field, item]): Kind => ({
    name,
    query: `query(${VARS}) { entity(id: "${id}") { ... on ${type} { ${field}${ARGS} { totalCount ${PAGE_FIELDS.replace('ITEM', item)} } } } }`,
    page: at('entity', field),
    size: 1,
  })),
  {
    name: 'Person.claims',
    query: `query(${VARS}) { entity(id: "person/mikhail-mishustin") { ... on Person { claims${ARGS} { ${PAGE_FIELDS.replace('ITEM', 'id')} } } } }`,
    page: at('entity', 'claims'),
  },
];

const EMPTY_INFO: PageInfo = {
  hasNextPage: false,
  hasPreviousPage: false,
  startCursor: null,
  endCursor: null,
};

async function pageOf(kind: Kind, vars: Record<string, unknown>): Promise<Page> {
  const response = await api.raw<Record<string, unknown>>(kind.query, vars);
  expect(response.errors, `${kind.name} ${JSON.stringify(vars)}`).toBeUndefined();
  return kind.page(response.data!);
}

/** Walks `kind` forward (first/after) or backward (last/before) by `size`, checking each page. */
async function walk(kind: Kind, size: number, backward: boolean): Promise<unknown[]> {
  const pages: Page[] = [];
  let cursor: string | null = null;
  for (;;) {
    const page: Page = backward
      ? await pageOf(kind, { last: size, before: cursor })
      : await pageOf(kind, { first: size, after: cursor });
    const info: PageInfo = page.pageInfo;
    expect(info.startCursor).toBe(page.edges[0]?.cursor ?? null);
    expect(info.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
    // The side the walk came from: items lie there exactly when this is not the first page.
    expect(backward ? info.hasNextPage : info.hasPreviousPage, kind.name).toBe(cursor !== null);
    pages.push(page);
    const more = backward ? info.hasPreviousPage : info.hasNextPage;
    if (!more) break;
    expect(page.edges).toHaveLength(size);
    cursor = backward ? info.startCursor : info.endCursor;
  }
  const ordered = backward ? pages.reverse() : pages;
  return ordered.flatMap((p) => p.edges.map((e) => e.node));
}

describe('every connection pages both ways', () => {
  for (const kind of KINDS) {
    it(`${kind.name}: a backward walk gives the forward walk's items`, async () => {
      const all = await pageOf(kind, { first: 100 });
      expect(all.pageInfo.hasNextPage).toBe(false);
      const items = all.edges.map((e) => e.node);
      expect(items.length, `${kind.name} needs items to walk`).toBeGreaterThan(0);
      if (all.totalCount !== undefined) expect(all.totalCount).toBe(items.length);
      const forward = await walk(kind, kind.size ?? 2, false);
      const backward = await walk(kind, kind.size ?? 2, true);
      expect(forward).toEqual(items);
      expect(backward).toEqual(items);
      // The last page, read backward from the end, is the forward walk's tail.
      const size = kind.size ?? 2;
      const last = await pageOf(kind, { last: size });
      expect(last.edges.map((e) => e.node)).toEqual(items.slice(-size));
      expect(last.pageInfo.hasPreviousPage).toBe(items.length > size);
      expect(last.pageInfo.hasNextPage).toBe(false);
    });
  }

  it('items of a relationship (discussions) page both ways, with their cursors', async () => {
    const query = `{ entity(id: "meeting/2022-08-25-smailov-mishustin") { ... on Meeting {
      discussed { subject { ... on Node { id } } } } } }`;
    const meeting = await api.query<{
      entity: { discussed: Array<{ subject: { id: string } }> };
    }>(query);
    // Every subject discussed at the meeting lists it in its discussedAt: walk one both ways.
    const subject = meeting.entity.discussed[0]!.subject.id;
    const kind: Kind = {
      name: 'discussedAt',
      query: `query(${VARS}) { entity(id: "${subject}") {
        ... on Topic { discussedAt${ARGS} { totalCount ${PAGE_FIELDS.replace('ITEM', 'framing meeting { id }')} } }
        ... on InfrastructureProject { discussedAt${ARGS} { totalCount ${PAGE_FIELDS.replace('ITEM', 'framing meeting { id }')} } } } }`,
      page: at('entity', 'discussedAt'),
    };
    const all = await pageOf(kind, { first: 100 });
    expect(all.totalCount).toBe(all.edges.length);
    expect(await walk(kind, 1, false)).toEqual(all.edges.map((e) => e.node));
    expect(await walk(kind, 1, true)).toEqual(all.edges.map((e) => e.node));
  });
});

describe('windows, empty pages and refusals', () => {
  const sentences = KINDS.find((k) => k.name === 'Article.sentences')!;
  const people = KINDS.find((k) => k.name === 'entities')!;

  it('after + before: the items between the two cursors, from either end', async () => {
    for (const kind of [people, sentences]) {
      const all = await pageOf(kind, { first: 100 });
      expect(all.edges.length).toBeGreaterThan(5);
      const [after, before] = [all.edges[0]!.cursor, all.edges[5]!.cursor];
      const between = all.edges.slice(1, 5).map((e) => e.node);
      const forward = await pageOf(kind, { first: 10, after, before });
      expect(forward.edges.map((e) => e.node)).toEqual(between);
      // The spec: with `first`, hasNextPage says whether `first` cut the window.
      expect(forward.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
      const cut = await pageOf(kind, { first: 3, after, before });
      expect(cut.edges.map((e) => e.node)).toEqual(between.slice(0, 3));
      expect(cut.pageInfo.hasNextPage).toBe(true);
      const backward = await pageOf(kind, { last: 2, after, before });
      expect(backward.edges.map((e) => e.node)).toEqual(between.slice(2));
      expect(backward.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    }
  });

  it('empty pages: last 0, before the first edge, after the last', async () => {
    for (const kind of [people, sentences]) {
      const all = await pageOf(kind, { first: 100 });
      const zero = await pageOf(kind, { last: 0 });
      expect(zero.edges).toEqual([]);
      expect(zero.pageInfo).toEqual({ ...EMPTY_INFO, hasPreviousPage: true });
      const beforeFirst = await pageOf(kind, { last: 5, before: all.edges[0]!.cursor });
      expect(beforeFirst.edges).toEqual([]);
      expect(beforeFirst.pageInfo).toEqual({ ...EMPTY_INFO, hasNextPage: true });
      const afterLast = await pageOf(kind, { first: 5, after: all.edges.at(-1)!.cursor });
      expect(afterLast.edges).toEqual([]);
      expect(afterLast.pageInfo).toEqual({ ...EMPTY_INFO, hasPreviousPage: true });
    }
  });

  it('first with last is refused, naming `last`; so are bad and foreign cursors, located', async () => {
    const both = await api.raw(`{ people(first: 2, last: 2) { edges { node { id } } } }`);
    expect(both.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'last',
    });
    expect(both.errors?.[0]?.message).toMatch(/last.*cannot be combined with `first`/);

    const nested = await api.raw(
      `{ article(id: "article/2022-08-25-smailov-mishustin") { id sentences(first: 1, last: 1) { edges { node { id } } } } }`,
    );
    expect(nested.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'last',
    });
    expect(nested.errors?.[0]?.path).toEqual(['article', 'sentences']);

    for (const [query, argument] of [
      [`{ people(before: "not a cursor!") { edges { node { id } } } }`, 'before'],
      [
        `{ entity(id: "country/kz") { mentions(last: 1, before: "%%%") { edges { node { id } } } } }`,
        'before',
      ],
      [
        `{ article(id: "article/2022-08-25-smailov-mishustin") { sentences(after: "e30") { edges { node { id } } } } }`,
        'after',
      ],
    ] as const) {
      const response = await api.raw(query);
      expect(response.errors?.[0]?.extensions, query).toMatchObject({
        code: 'BAD_USER_INPUT',
        argument,
      });
      expect(response.errors?.[0]?.message).toMatch(/malformed|not a cursor/);
    }

    // A cursor of one connection is refused by another (here: a list's by an article's sentences).
    const people = await pageOf(
      KINDS.find((k) => k.name === 'people')!,
      { first: 1 },
    );
    const foreign = await api.raw(
      `query($c: String) { article(id: "article/2022-08-25-smailov-mishustin") { sentences(before: $c) { edges { node { id } } } } }`,
      { c: people.pageInfo.endCursor },
    );
    expect(foreign.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'before',
    });
    expect(foreign.errors?.[0]?.path).toEqual(['article', 'sentences']);
    expect(JSON.stringify(foreign)).not.toMatch(/INTERNAL_SERVER_ERROR/);
  });
});

describe('nested backward pages', () => {
  it('come with their root in one round trip, the same as asked one by one', async () => {
    const nested = await api.raw<{
      articles: { edges: Array<{ node: { id: string; sentences: Page } }> };
    }>(`{ articles(last: 3) { edges { node { id
          sentences(last: 2) { totalCount edges { cursor node { index } }
            pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } } } }`);
    expect(nested.errors).toBeUndefined();
    expect(roundTrips(nested)).toBe(1);
    const articles = nested.data!.articles.edges.map((e) => e.node);
    expect(articles).toHaveLength(3);
    for (const article of articles) {
      const alone = await api.query<{ article: { sentences: Page } }>(
        `query($id: ID!) { article(id: $id) { sentences(first: 100) { edges { node { index } } } } }`,
        { id: article.id },
      );
      const all = alone.article.sentences.edges.map((e) => e.node);
      expect(article.sentences.edges.map((e) => e.node)).toEqual(all.slice(-2));
      expect(article.sentences.totalCount).toBe(all.length);
      expect(article.sentences.pageInfo.hasPreviousPage).toBe(all.length > 2);
      expect(article.sentences.pageInfo.hasNextPage).toBe(false);
    }

    // Three levels, backward at each: a person's last quote, its claims; before a cursor.
    const person = await api.raw<{
      entity: { quotes: Page };
    }>(`{ entity(id: "person/alikhan-smailov") {
      ... on Person { quotes(last: 1) { edges { cursor node { id } } pageInfo { hasPreviousPage startCursor } } } } }`);
    expect(roundTrips(person)).toBe(1);
    const before = person.data!.entity.quotes.pageInfo.startCursor;
    const previous = await api.raw<{ entity: { quotes: Page } }>(
      `query($before: String) { entity(id: "person/alikhan-smailov") {
        ... on Person { quotes(last: 1, before: $before) { edges { node { id } } pageInfo { hasNextPage } } } } }`,
      { before },
    );
    expect(roundTrips(previous)).toBe(1);
    expect(previous.data!.entity.quotes.pageInfo.hasNextPage).toBe(true);
    expect(previous.data!.entity.quotes.edges[0]!.node).not.toEqual(
      person.data!.entity.quotes.edges[0]!.node,
    );
  });
});

describe('nested pages of participations', () => {
  interface Participation {
    person: { id: string };
    meeting: { id: string; date: string | null };
  }
  type Participations = {
    totalCount: number;
    edges: Array<{ cursor: string; node: Participation }>;
    pageInfo: PageInfo;
  };
  const PAGE = `totalCount edges { cursor node { person { id } meeting { id date } } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }`;

  it('every person’s last meeting and every country’s first representations come with their lists, not a statement per page', async () => {
    const nested = await api.raw<{
      people: { edges: Array<{ node: { id: string; meetings: Participations } }> };
      countries: { edges: Array<{ node: { id: string; representedAt: Participations } }> };
    }>(`{ people(first: 100) { edges { node { id meetings(last: 1) { ${PAGE} } } } } }`);
    expect(nested.errors).toBeUndefined();
    expect(roundTrips(nested)).toBe(1);
    const countries = await api.raw<{
      countries: { edges: Array<{ node: { id: string; representedAt: Participations } }> };
    }>(`{ countries(first: 100) { edges { node { id representedAt(first: 2) { ${PAGE} } } } } }`);
    expect(countries.errors).toBeUndefined();
    // The pages come in the list's statement; their meetings (the far end of a relationship
    // that does not touch the country) in one batched load for all of them.
    expect(roundTrips(countries)).toBe(2);

    const people = nested.data!.people.edges.map((e) => e.node);
    let walked = 0;
    for (const person of people) {
      const alone = await api.query<{ entity: { meetings: Participations } }>(
        `query($id: ID!) { entity(id: $id) { ... on Person { meetings(first: 100) { ${PAGE} } } } }`,
        { id: person.id },
      );
      const all = alone.entity.meetings.edges.map((e) => e.node);
      expect(person.meetings.edges.map((e) => e.node)).toEqual(all.slice(-1));
      expect(person.meetings.totalCount).toBe(all.length);
      expect(person.meetings.pageInfo.hasPreviousPage).toBe(all.length > 1);
      // A person's meetings by date (then id).
      const dates = all.map((p) => p.meeting.date ?? '~');
      expect(dates).toEqual([...dates].sort());
      if (all.length > 1) walked += 1;
    }
    expect(walked, 'someone with more than one meeting').toBeGreaterThan(0);

    let cut = 0;
    for (const country of countries.data!.countries.edges.map((e) => e.node)) {
      const alone = await api.query<{ entity: { representedAt: Participations } }>(
        `query($id: ID!) { entity(id: $id) { ... on Country { representedAt(first: 100) { ${PAGE} } } } }`,
        { id: country.id },
      );
      const all = alone.entity.representedAt.edges.map((e) => e.node);
      expect(country.representedAt.edges.map((e) => e.node)).toEqual(all.slice(0, 2));
      expect(country.representedAt.totalCount).toBe(all.length);
      expect(country.representedAt.pageInfo.hasNextPage).toBe(all.length > 2);
      // One item per (person, meeting): the cursors tell every item apart.
      const keys = all.map((p) => `${p.person.id} ${p.meeting.id}`);
      expect(new Set(keys).size).toBe(keys.length);
      if (all.length > 2) cut += 1;
    }
    expect(cut, 'a country represented more than twice').toBeGreaterThan(0);
  });

  it('three levels: a meeting’s participants, a page of each one’s meetings, what was discussed there', async () => {
    const selection = `id ... on Meeting { participants { person { id
      meetings(last: 2) { totalCount edges { node { meeting { id discussed { framing subject { ... on Node { id } } } } } }
        pageInfo { hasPreviousPage } } } } }`;
    const meeting = 'meeting/2022-08-25-smailov-mishustin';
    const lookedAhead = await api.raw<{ node: unknown }>(
      `query($id: ID!) { node(id: $id) { ${selection} } }`,
      { id: meeting },
    );
    const levelByLevel = await api.raw<{ nodes: unknown[] }>(
      `query($id: ID!) { nodes(ids: [$id]) { ${selection} } }`,
      { id: meeting },
    );
    expect(lookedAhead.errors).toBeUndefined();
    expect(levelByLevel.errors).toBeUndefined();
    expect(lookedAhead.data!.node).toEqual(levelByLevel.data!.nodes[0]);
    expect(JSON.stringify(lookedAhead.data)).toContain('topic/');
    expect(roundTrips(lookedAhead)).toBe(1);
    expect(roundTrips(levelByLevel)).toBeGreaterThan(1);
  });
});
