/**
 * Who took part in events and meetings, against the real server over HTTP and the seeded corpus
 * plus a fixture article (tests/fixtures/seed/event-participants/) whose event and meeting have
 * participants of all three kinds: people, an organization (a government delegation) and
 * countries (the host and the member states of a council session; the parties to talks).
 * Each participant kind answers on the event or meeting and back from the participant, with the
 * office, the side, the role and the evidence; the connections page both ways; nested
 * selections are read in one round trip.
 */
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEEDS_DIR } from '../../src/seed/index.js';
import { roundTrips } from '../helpers/graphql.js';
import { createTestDriver } from '../helpers/neo4j.js';
import { seedTestCorpus } from '../helpers/seed.js';
import { postGraphQL, startTestServer, type TestServer } from '../helpers/server.js';

const FIXTURE = path.resolve(
  import.meta.dirname,
  '../fixtures/seed/event-participants/fixture-council-participants.yaml',
);
const SESSION = 'event/eurasian-intergovernmental-council-session-2022-08-cholpon-ata';
const TALKS = 'meeting/fixture-kazakhstan-russia-talks-cholpon-ata';
const VISIT = 'event/2022-06-19-tokayev-official-visit-to-iran';

let driver: Driver;
let server: TestServer;

beforeAll(async () => {
  driver = createTestDriver();
  await seedTestCorpus(driver, [DEFAULT_SEEDS_DIR, FIXTURE]);
  // A longer deadline than the default: the machine is shared; these tests are about answers.
  // A higher cost limit: the round-trip test nests pages of pages, which the default refuses.
  server = await startTestServer({ GRAPHQL_MAX_COST: '50000' });
});

afterAll(async () => {
  await server?.close();
  await driver?.close();
});

async function raw(query: string, variables?: Record<string, unknown>) {
  return postGraphQL(server.graphqlUrl, { query, variables });
}

async function query<T>(text: string, variables?: Record<string, unknown>): Promise<T> {
  const response = await raw(text, variables);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data as T;
}

interface Named {
  id: string;
  name: string;
}
interface Taking {
  role: string;
  participant: Named & { __typename: string };
  office: Named | null;
  country: Named | null;
  evidence: Array<{ excerpts: string[]; sentence: { id: string } }>;
  statements: Array<{ factId: string; article: { id: string } }>;
}
interface Page<T> {
  totalCount?: number;
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  edges: Array<{ cursor: string; node: T }>;
}

const TAKING = `role participant { __typename id name } office { id name } country { id name }
  evidence { excerpts sentence { id } } statements { factId article { id } }`;
const PAGE_INFO = 'pageInfo { hasNextPage hasPreviousPage startCursor endCursor }';

/** A participation as [kind, participant id, role, office id, country id]. */
const row = (p: Omit<Taking, 'evidence' | 'statements'>) => [
  p.participant.__typename,
  p.participant.id,
  p.role,
  p.office?.id ?? null,
  p.country?.id ?? null,
];

const SESSION_PARTICIPANTS = [
  ['Country', 'country/kg', 'HOST', null, null],
  ['Country', 'country/kz', 'PARTICIPANT', null, null],
  ['Country', 'country/ru', 'PARTICIPANT', null, null],
  [
    'Organization',
    'organization/government-of-kazakhstan',
    'DELEGATION_MEMBER',
    null,
    'country/kz',
  ],
  [
    'Person',
    'person/alikhan-smailov',
    'PARTICIPANT',
    'office/prime-minister-of-kazakhstan',
    'country/kz',
  ],
  [
    'Person',
    'person/mikhail-mishustin',
    'PARTICIPANT',
    'office/chairman-of-the-government-of-russia',
    'country/ru',
  ],
];

describe('an event’s participants', () => {
  it('people, an organization and countries, each with office, side, role and evidence', async () => {
    const data = await query<{ node: { participants: Page<Taking> } }>(
      `query($id: ID!) { node(id: $id) { ... on Event {
        participants(first: 10) { totalCount edges { node { ${TAKING} event { id } } } }
      } } }`,
      { id: SESSION },
    );
    const items = data.node.participants.edges.map((e) => e.node);
    expect(data.node.participants.totalCount).toBe(6);
    expect(items.map(row)).toEqual(SESSION_PARTICIPANTS);
    const byId = new Map(items.map((p) => [p.participant.id, p]));
    const excerpts = (id: string) => byId.get(id)!.evidence.flatMap((e) => e.excerpts);
    expect(excerpts('country/kg')).toEqual(['Принимающей стороной выступила Киргизия']);
    expect(excerpts('organization/government-of-kazakhstan')).toEqual([
      'В работе совета участвовала и делегация Правительства Республики Казахстан',
    ]);
    expect(excerpts('person/alikhan-smailov')).toEqual([
      'В заседании приняли участие Премьер-Министр Казахстана Алихан Смаилов',
    ]);
    for (const p of items) {
      expect(p.statements.map((s) => s.article.id)).toEqual([
        'article/fixture-council-participants',
      ]);
      expect(p.evidence.every((e) => e.sentence.id.startsWith('fixture-council-participants')));
    }
  });

  it('the visit of the corpus: the visitor and the host, with their roles', async () => {
    const data = await query<{ node: { participants: Page<Taking> } }>(
      `query($id: ID!) { node(id: $id) { ... on Event { participants { edges { node { ${TAKING} } } } } } }`,
      { id: VISIT },
    );
    expect(data.node.participants.edges.map((e) => row(e.node))).toEqual([
      ['Person', 'person/ebrahim-raisi', 'HOST', 'office/president-of-iran', 'country/ir'],
      [
        'Person',
        'person/kassym-jomart-tokayev',
        'VISITOR',
        'office/president-of-kazakhstan',
        'country/kz',
      ],
    ]);
  });

  it('pages both ways: first/after forward, last/before back, the same items in order', async () => {
    const page = async (args: string) =>
      (
        await query<{ node: { participants: Page<Taking> } }>(
          `query($id: ID!) { node(id: $id) { ... on Event {
            participants(${args}) { totalCount ${PAGE_INFO} edges { cursor node { ${TAKING} } } }
          } } }`,
          { id: SESSION },
        )
      ).node.participants;
    const forward: unknown[] = [];
    let after: string | null = null;
    for (let i = 0; i < 4; i += 1) {
      const p: Page<Taking> = await page(
        after ? `first: 4, after: ${JSON.stringify(after)}` : 'first: 4',
      );
      forward.push(...p.edges.map((e) => row(e.node)));
      expect(p.totalCount).toBe(6);
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor;
    }
    expect(forward).toEqual(SESSION_PARTICIPANTS);
    const last = await page('last: 2');
    expect(last.edges.map((e) => row(e.node))).toEqual(SESSION_PARTICIPANTS.slice(4));
    expect(last.pageInfo.hasPreviousPage).toBe(true);
    const before = await page(`last: 3, before: ${JSON.stringify(last.pageInfo.startCursor)}`);
    expect(before.edges.map((e) => row(e.node))).toEqual(SESSION_PARTICIPANTS.slice(1, 4));
    expect(before.pageInfo.hasNextPage).toBe(true);
  });

  it('a bad page argument is a located BAD_USER_INPUT, not a server error', async () => {
    const response = await raw(
      `query($id: ID!) { node(id: $id) { ... on Event { participants(first: 2, last: 2) { edges { cursor } } } } }`,
      { id: SESSION },
    );
    expect(response.status).toBeLessThan(500);
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.path).toEqual(['node', 'participants']);
  });
});

describe('a meeting’s participants: bodies and countries too', () => {
  it('countries, an organization and people; `person` only for the people', async () => {
    const data = await query<{
      node: { participants: Array<Taking & { person: Named | null; meeting: { id: string } }> };
    }>(
      `query($id: ID!) { node(id: $id) { ... on Meeting {
        participants { ${TAKING} person { id name } meeting { id } }
      } } }`,
      { id: TALKS },
    );
    const items = data.node.participants;
    expect(items.map(row)).toEqual([
      ['Country', 'country/kz', 'PARTICIPANT', null, null],
      ['Country', 'country/ru', 'PARTICIPANT', null, null],
      [
        'Organization',
        'organization/government-of-kazakhstan',
        'DELEGATION_MEMBER',
        null,
        'country/kz',
      ],
      [
        'Person',
        'person/alikhan-smailov',
        'PARTICIPANT',
        'office/prime-minister-of-kazakhstan',
        'country/kz',
      ],
      ['Person', 'person/mikhail-mishustin', 'PARTICIPANT', null, 'country/ru'],
    ]);
    expect(items.map((p) => p.person?.name ?? null)).toEqual([
      null,
      null,
      null,
      'Alikhan Smailov',
      'Mikhail Mishustin',
    ]);
    expect(items.every((p) => p.meeting.id === TALKS)).toBe(true);
    expect(items[0]!.evidence.flatMap((e) => e.excerpts)).toEqual([
      'переговоры Казахстана и России',
    ]);
  });

  it('the first article’s meeting answers as before (people only, `person` set)', async () => {
    const data = await query<{
      meetings: {
        edges: Array<{ node: { participants: Array<{ person: Named; role: string }> } }>;
      };
    }>(
      `{ meetings(filter: { dateFrom: "2022-08-25", dateTo: "2022-08-25" }) {
        edges { node { participants { role person { id name } } } } } }`,
    );
    const people = data.meetings.edges.flatMap((e) => e.node.participants);
    expect(people.map((p) => [p.person.name, p.role])).toEqual([
      ['Alikhan Smailov', 'PARTICIPANT'],
      ['Mikhail Mishustin', 'PARTICIPANT'],
    ]);
  });
});

describe('the reverse, on each participant kind', () => {
  interface EventTaking {
    role: string;
    event: Named;
    office: Named | null;
    country: Named | null;
    participant: { id: string };
  }
  interface MeetingTaking {
    role: string;
    meeting: Named;
    country: Named | null;
    participant: { id: string };
    person: { id: string } | null;
  }
  const EVENT_TAKING =
    'role event { id name } office { id name } country { id name } participant { id }';
  const MEETING_TAKING =
    'role meeting { id name } country { id name } participant { id } person { id }';

  it('a person’s events (`Person.events`), by start date, with role and office', async () => {
    const data = await query<{
      tokayev: { events: Page<EventTaking> };
      smailov: { events: Page<EventTaking> };
    }>(`{
      tokayev: node(id: "person/kassym-jomart-tokayev") { ... on Person { events(first: 5) { edges { node { ${EVENT_TAKING} } } } } }
      smailov: node(id: "person/alikhan-smailov") { ... on Person { events(first: 5) { edges { node { ${EVENT_TAKING} } } } } }
    }`);
    expect(
      data.tokayev.events.edges.map((e) => [e.node.event.id, e.node.role, e.node.office?.id]),
    ).toEqual([[VISIT, 'VISITOR', 'office/president-of-kazakhstan']]);
    expect(
      data.smailov.events.edges.map((e) => [e.node.event.id, e.node.role, e.node.country?.id]),
    ).toEqual([[SESSION, 'PARTICIPANT', 'country/kz']]);
    expect(data.smailov.events.edges[0]!.node.participant.id).toBe('person/alikhan-smailov');
  });

  it('an organization’s meetings and events', async () => {
    const data = await query<{
      gov: { meetings: Page<MeetingTaking>; events: Page<EventTaking> };
      delegation: { events: Page<EventTaking> };
    }>(`{
      gov: node(id: "organization/government-of-kazakhstan") { ... on Organization {
        meetings(first: 5) { edges { node { ${MEETING_TAKING} } } }
        events(first: 5) { edges { node { ${EVENT_TAKING} } } }
      } }
      delegation: node(id: "organization/kazakh-business-delegation-to-iran-2022") { ... on Organization {
        events(first: 5) { edges { node { ${EVENT_TAKING} } } }
      } }
    }`);
    expect(
      data.gov.meetings.edges.map((e) => [e.node.meeting.id, e.node.role, e.node.person]),
    ).toEqual([[TALKS, 'DELEGATION_MEMBER', null]]);
    expect(data.gov.events.edges.map((e) => [e.node.event.id, e.node.country?.id])).toEqual([
      [SESSION, 'country/kz'],
    ]);
    expect(data.delegation.events.edges.map((e) => [e.node.event.id, e.node.role])).toEqual([
      ['event/2022-06-kazakh-trade-mission-to-iran', 'DELEGATION_MEMBER'],
    ]);
  });

  it('a country’s own meetings and events, and where it was represented', async () => {
    const data = await query<{
      kg: { events: Page<EventTaking>; meetings: Page<MeetingTaking> };
      kz: {
        events: Page<EventTaking>;
        meetings: Page<MeetingTaking>;
        representedAtEvents: Page<EventTaking>;
        representedAt: Page<MeetingTaking>;
      };
    }>(`{
      kg: node(id: "country/kg") { ... on Country {
        events(first: 5) { edges { node { ${EVENT_TAKING} } } }
        meetings(first: 5) { edges { node { ${MEETING_TAKING} } } }
      } }
      kz: node(id: "country/kz") { ... on Country {
        events(first: 5) { edges { node { ${EVENT_TAKING} } } }
        meetings(first: 5) { edges { node { ${MEETING_TAKING} } } }
        representedAtEvents(first: 10) { edges { node { ${EVENT_TAKING} } } }
        representedAt(first: 10) { edges { node { ${MEETING_TAKING} } } }
      } }
    }`);
    expect(data.kg.events.edges.map((e) => [e.node.event.id, e.node.role])).toEqual([
      [SESSION, 'HOST'],
    ]);
    expect(data.kg.meetings.edges).toEqual([]);
    expect(data.kz.events.edges.map((e) => [e.node.event.id, e.node.participant.id])).toEqual([
      [SESSION, 'country/kz'],
    ]);
    expect(data.kz.meetings.edges.map((e) => e.node.meeting.id)).toEqual([TALKS]);
    // Who represented Kazakhstan at events: people and bodies, never the country itself.
    expect(
      data.kz.representedAtEvents.edges.map((e) => [e.node.participant.id, e.node.event.id]).sort(),
    ).toEqual(
      [
        ['organization/government-of-kazakhstan', SESSION],
        [
          'organization/kazakh-business-delegation-to-iran-2022',
          'event/2022-06-kazakh-trade-mission-to-iran',
        ],
        ['person/alikhan-smailov', SESSION],
        ['person/kassym-jomart-tokayev', VISIT],
      ].sort(),
    );
    // A body representing it at a meeting is there too, with no person.
    const atTalks = data.kz.representedAt.edges
      .map((e) => e.node)
      .filter((p) => p.meeting.id === TALKS);
    expect(atTalks.map((p) => [p.participant.id, p.person?.id ?? null]).sort()).toEqual([
      ['organization/government-of-kazakhstan', null],
      ['person/alikhan-smailov', 'person/alikhan-smailov'],
    ]);
  });
});

describe('nested selections in one round trip', () => {
  it('an event’s participants, their own events and meetings: one statement, for 1 or all six', async () => {
    const trips = async (first: number) => {
      const response = await raw(
        `query($id: ID!) { node(id: $id) { ... on Event {
          participants(first: ${first}) { edges { node { role participant { id name
            ... on Person { events(first: 3) { edges { node { role event { id name } } } } }
            ... on Organization { meetings(first: 3) { edges { node { meeting { id } } } } }
          } } } }
        } } }`,
        { id: SESSION },
      );
      expect(response.errors).toBeUndefined();
      return { trips: roundTrips(response), data: response.data };
    };
    const one = await trips(1);
    const all = await trips(6);
    expect(one.trips).toBe(1);
    expect(all.trips).toBe(1);
    const items = (
      all.data as {
        node: {
          participants: Page<{
            participant: Named & {
              events?: Page<{ event: Named }>;
              meetings?: Page<{ meeting: Named }>;
            };
          }>;
        };
      }
    ).node.participants.edges.map((e) => e.node.participant);
    const smailov = items.find((p) => p.id === 'person/alikhan-smailov')!;
    expect(smailov.name).toBe('Alikhan Smailov');
    expect(smailov.events?.edges.map((e) => e.node.event.id)).toEqual([SESSION]);
    const gov = items.find((p) => p.id === 'organization/government-of-kazakhstan')!;
    expect(gov.meetings?.edges.map((e) => e.node.meeting.id)).toEqual([TALKS]);
  });

  it('through `person` (a narrowed end) as through `participant`, both ways', async () => {
    const response = await raw(
      `query($id: ID!) { node(id: $id) { ... on Meeting {
        participants { person { id name events(first: 5) { edges { node { event { id name } } } } } }
      } } }`,
      { id: TALKS },
    );
    expect(response.errors).toBeUndefined();
    expect(roundTrips(response)).toBe(1);
    const people = (
      response.data as {
        node: {
          participants: Array<{ person: (Named & { events: Page<{ event: Named }> }) | null }>;
        };
      }
    ).node.participants.flatMap((p) => (p.person ? [p.person] : []));
    expect(people.map((p) => [p.name, p.events.edges.map((e) => e.node.event.id)])).toEqual([
      ['Alikhan Smailov', [SESSION]],
      ['Mikhail Mishustin', [SESSION]],
    ]);
    // Back to the anchor through `person`: the anchor is read with the name it is asked for.
    const back = await query<{
      node: {
        meetings: Page<{ person: Named; participant: Named; meeting: { id: string } }>;
      };
    }>(
      `{ node(id: "person/mikhail-mishustin") { ... on Person { meetings(first: 10) { edges { node { person { id name } participant { id name } meeting { id } } } } } } }`,
    );
    expect(
      back.node.meetings.edges.map(({ node: m }) => [
        m.meeting.id,
        m.person.name,
        m.participant.name,
      ]),
    ).toContainEqual([TALKS, 'Mikhail Mishustin', 'Mikhail Mishustin']);
  });
});
