/**
 * Docs that cannot rot: every operation in docs/queries/ runs over HTTP against the seeded
 * article and must answer its question — each file has its own assertions below, and a file
 * without assertions fails the run.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  getNamedType,
  isInterfaceType,
  isObjectType,
  parse,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSchema } from '../../src/api/index.js';
import { startSeededApi, type SeededApi } from '../helpers/graphql.js';

const QUERIES_DIR = path.resolve('docs/queries');
const files = readdirSync(QUERIES_DIR)
  .filter((f) => f.endsWith('.graphql'))
  .sort();

type Data = Record<string, unknown>;

// The shapes the operations ask for (only what the assertions read).
interface Named {
  name: string;
}
interface Edges<T> {
  totalCount: number;
  edges: Array<{ node: T }>;
}
interface Evidence {
  sentence: { text: string };
}
interface Participant {
  person: Named;
  office: Named;
  country: Named;
  evidence: Array<{ article: { publishedAt: string } }>;
}
interface WhoMetWhom {
  meetings: Edges<{
    date: string;
    heldIn: Array<Named & { locatedIn: Named[] }>;
    onSidelinesOf: Named;
    participants: Participant[];
  }>;
}
interface Discussed {
  framing: string;
  subject: Named;
  raisedBy: Named | null;
  evidence: Evidence[];
}
interface Quote {
  text: string;
  translationEn: string;
  speaker: Named;
  meeting: { date: string };
  figures: Array<{ surfaceText: string }>;
}
interface Figure {
  value: number;
  unit: string;
  isChange: boolean;
  period: { label: string } | null;
  evidence: Evidence[];
  qualifiers: string[];
}
interface GraphPart {
  nodes: Array<{ id: string; caption: string }>;
  relationships: Array<{ type: string }>;
  edges: Array<{ source: string; target: string }>;
}
interface Hit {
  score: number;
  matchedName: string;
  entity: { id: string };
}
interface Sentence {
  text: string;
  facts: unknown[];
  mentions: Array<{ entity: Named }>;
}

const expectations: Record<string, (data: Data) => void> = {
  'who-met-whom.graphql': (data) => {
    const d = data as unknown as WhoMetWhom;
    // The corpus: Smailov–Mishustin, Smailov–von der Leyen, and the two planned in Tehran.
    expect(d.meetings.totalCount).toBe(4);
    const m = d.meetings.edges.find((e) => e.node.date === '2022-08-25')!.node;
    expect(m.heldIn[0]!.name).toBe('Cholpon-Ata');
    expect(m.heldIn[0]!.locatedIn[0]!.name).toBe('Kyrgyzstan');
    expect(m.onSidelinesOf.name).toMatch(/Eurasian Intergovernmental Council/);
    const who = m.participants
      .map((p) => `${p.person.name} | ${p.office.name} | ${p.country.name}`)
      .sort();
    expect(who).toEqual([
      'Alikhan Smailov | Prime Minister of Kazakhstan | Kazakhstan',
      'Mikhail Mishustin | Chairman of the Government of the Russian Federation | Russia',
    ]);
    expect(m.participants[0]!.evidence[0]!.article.publishedAt).toBe('2022-08-25T23:33:00+06:00');
  },
  'who-held-which-office-when.graphql': (data) => {
    const d = data as unknown as {
      office: {
        holders: Array<{
          person: Named;
          from: string | null;
          until: string | null;
          current: boolean;
          acting: boolean;
          statements: Array<{
            article: { title: string };
            startDate: { date: string; evidence: Array<{ sentence: { text: string } }> } | null;
            endDate: { date: string; evidence: Array<{ excerpts: string[] }> } | null;
          }>;
        }>;
      };
    };
    // An acting spell is a holding of its own: Smailov was acting Prime Minister first.
    const acting = d.office.holders.filter((h) => h.acting);
    expect(acting.map((h) => [h.person.name, h.from, h.until, h.current])).toEqual([
      ['Alikhan Smailov', '2022-01-05', '2022-01-11', false],
    ]);
    const byName = new Map(
      d.office.holders.filter((h) => !h.acting).map((h) => [h.person.name, h]),
    );
    const smailov = byName.get('Alikhan Smailov')!;
    expect([smailov.from, smailov.until, smailov.current]).toEqual([
      '2022-01-11',
      '2024-02-05',
      false,
    ]);
    const bektenov = byName.get('Olzhas Bektenov')!;
    expect([bektenov.from, bektenov.until, bektenov.current]).toEqual(['2024-02-06', null, true]);
    // Each date with the sentence that states it.
    const end = smailov.statements.find((s) => s.endDate?.date === '2024-02-05')!;
    expect(end.endDate!.evidence[0]!.excerpts[0]).toContain('5 ақпанда отставкаға кетті');
    const start = smailov.statements.find((s) => s.startDate?.date === '2022-01-11')!;
    expect(start.startDate!.evidence[0]!.sentence.text).toMatch(/11 января 2022|11 қаңтардан/);
  },
  'prime-minister-on-a-date.graphql': (data) => {
    const d = data as unknown as {
      office: { holders: Array<{ person: Named & { kk: string } }> };
      country: { officials: Array<{ person: Named; office: Named }> };
    };
    expect(d.office.holders.map((h) => [h.person.name, h.person.kk])).toEqual([
      ['Alikhan Smailov', 'Әлихан Смайылов'],
    ]);
    // The country's officials: of its government, and of the country itself (its President).
    expect(d.country.officials).toEqual([
      {
        person: { id: 'person/alikhan-smailov', name: 'Alikhan Smailov' },
        office: { id: 'office/prime-minister-of-kazakhstan', name: 'Prime Minister of Kazakhstan' },
      },
      {
        person: { id: 'person/kassym-jomart-tokayev', name: 'Kassym-Jomart Tokayev' },
        office: { id: 'office/president-of-kazakhstan', name: 'President of Kazakhstan' },
      },
    ]);
  },
  'what-did-a-person-sign.graphql': (data) => {
    const d = data as unknown as {
      person: {
        signatures: {
          totalCount: number;
          edges: Array<{
            node: {
              date: string;
              office: Named;
              country: Named;
              statements: Array<{
                pointInTime: { date: string; evidence: Array<Evidence & { excerpts: string[] }> };
              }>;
              document: {
                documentType: string;
                signedBy: Named[];
                signedAt: Array<Named & { date: string; onSidelinesOf: Named }>;
                about: Named[];
              };
            };
          }>;
        };
      };
    };
    expect(d.person.signatures.totalCount).toBe(1);
    expect(d.person.signatures.edges).toHaveLength(1);
    const signature = d.person.signatures.edges[0]!.node;
    expect([signature.date, signature.office.name, signature.country.name]).toEqual([
      '2022-11-07',
      'Prime Minister of Kazakhstan',
      'Kazakhstan',
    ]);
    // The date with the sentence that gives it.
    const when = signature.statements[0]!.pointInTime;
    expect(when.date).toBe('2022-11-07');
    expect(when.evidence[0]!.excerpts).toEqual(['Документ подписан 7 ноября 2022 года']);
    expect(when.evidence[0]!.sentence.text).toContain('7 ноября 2022 года');
    const memorandum = signature.document;
    expect(memorandum.documentType).toBe('MEMORANDUM');
    expect(memorandum.signedBy.map((s) => s.name).sort()).toEqual([
      'Alikhan Smailov',
      'Ursula von der Leyen',
    ]);
    expect(memorandum.signedAt[0]!.onSidelinesOf.name).toMatch(/COP27/);
    expect(memorandum.about.map((a) => a.name)).toContain('Renewable hydrogen');
  },
  'who-took-part-in-an-event.graphql': (data) => {
    interface Taking {
      role: string;
      participant: Named & { __typename: string; id: string };
      office: Named | null;
      country: Named | null;
      evidence: Array<{ excerpts: string[] }>;
    }
    const d = data as unknown as {
      event: Named & {
        participants: Edges<Taking>;
        eventsDuring: {
          edges: Array<{ node: Named & { participants: { edges: Array<{ node: Taking }> } } }>;
        };
      };
    };
    const visit = d.event.participants.edges.map((e) => e.node);
    expect(d.event.participants.totalCount).toBe(2);
    expect(visit.map((p) => [p.participant.name, p.role, p.office?.name, p.country?.name])).toEqual(
      [
        ['Ebrahim Raisi', 'HOST', 'President of Iran', 'Iran'],
        ['Kassym-Jomart Tokayev', 'VISITOR', 'President of Kazakhstan', 'Kazakhstan'],
      ],
    );
    const host = visit[0]!;
    expect(host.evidence.flatMap((e) => e.excerpts)).toEqual([
      'Иран Президенті Ибраһим Раисидің шақыруымен',
    ]);
    const mission = d.event.eventsDuring.edges[0]?.node;
    expect(mission?.name).toBe('Trade mission of Kazakh businesspeople to Iran');
    // A body taking part: the business delegation, for Kazakhstan.
    expect(
      mission!.participants.edges.map(({ node: p }) => [
        p.participant.__typename,
        p.participant.name,
        p.role,
        p.country?.name,
      ]),
    ).toEqual([
      ['Organization', 'Delegation of Kazakh businesspeople', 'DELEGATION_MEMBER', 'Kazakhstan'],
    ]);
  },
  'planned-meetings.graphql': (data) => {
    const d = data as unknown as {
      meetings: {
        totalCount: number;
        edges: Array<{
          node: Named & {
            statusFact: { status: string; evidence: Array<{ excerpts: string[] }> };
            dateFact: { date: string; evidence: Array<Evidence & { excerpts: string[] }> };
            during:
              | (Named & {
                  hostCountry: Named;
                  eventsDuring: {
                    edges: Array<{
                      node: { eventType: string; parts: { edges: Array<{ node: Named }> } };
                    }>;
                  };
                })
              | null;
          };
        }>;
      };
    };
    // Only the announced ones: the two in Tehran (the corpus's two held meetings are left out).
    expect(d.meetings.totalCount).toBe(2);
    const planned = d.meetings.edges.map((e) => e.node);
    expect(planned.map((m) => m.name).sort()).toEqual([
      'Meeting of Kassym-Jomart Tokayev and Ali Khamenei',
      'Talks of Kassym-Jomart Tokayev and Ebrahim Raisi',
    ]);
    for (const m of planned) {
      expect(m.statusFact.status).toBe('PLANNED');
      expect(m.statusFact.evidence.flatMap((e) => e.excerpts).length).toBeGreaterThan(0);
      expect(m.dateFact.date).toBe('2022-06-19');
      expect(m.dateFact.evidence.flatMap((e) => e.excerpts)).toContain('19 маусымда');
      expect(m.during?.hostCountry.name).toBe('Iran');
      const mission = m.during?.eventsDuring.edges[0]?.node;
      expect(mission?.eventType).toBe('TRADE_MISSION');
      expect(mission?.parts.edges[0]?.node.name).toBe('Kazakhstan–Iran Business Forum');
    }
    const talks = planned.find((m) => m.name.startsWith('Talks'))!;
    expect(talks.statusFact.evidence.flatMap((e) => e.excerpts)).toEqual([
      'келіссөздері өтеді деп жоспарланған',
    ]);
  },
  'where-and-when-was-a-meeting-held.graphql': (data) => {
    interface Link {
      node: Named & {
        locatedInFacts?: Array<{ node: Named; evidence: Array<{ excerpts: string[] }> }>;
      };
      evidence: Array<Evidence & { excerpts: string[] }>;
    }
    const d = data as unknown as {
      meeting: {
        dateFact: { date: string; evidence: Array<Evidence & { excerpts: string[] }> };
        heldInFacts: Link[];
        onSidelinesOfFact: Link;
        reportedByFacts: Array<{
          node: Named;
          statements: Array<{ factId: string; evidence: Array<{ excerpts: string[] }> }>;
        }>;
      };
    };
    const m = d.meeting;
    expect(m.dateFact.date).toBe('2022-08-25');
    expect(m.dateFact.evidence[0]!.excerpts).toEqual(['25 там, 2022']);
    const [held] = m.heldInFacts;
    expect(held!.node.name).toBe('Cholpon-Ata');
    expect(held!.evidence[0]!.sentence.text).toContain('Шолпан-Атада (Қырғызстан)');
    const kyrgyzstan = held!.node.locatedInFacts![0]!;
    expect([kyrgyzstan.node.name, kyrgyzstan.evidence[0]!.excerpts]).toEqual([
      'Kyrgyzstan',
      ['Шолпан-Атада (Қырғызстан)'],
    ]);
    expect(m.onSidelinesOfFact.node.name).toMatch(/Eurasian Intergovernmental Council/);
    expect(m.onSidelinesOfFact.evidence[0]!.excerpts).toEqual([
      'Еуразиялық үкіметаралық кеңес отырысы алаңында',
    ]);
    expect(m.reportedByFacts.map((r) => [r.node.name, r.statements[0]!.factId])).toEqual([
      ['Press service of the Government of Kazakhstan', 'meeting-reported-by-press-service'],
    ]);
  },
  'who-was-appointed-by-decree.graphql': (data) => {
    const d = data as unknown as {
      documents: {
        totalCount: number;
        edges: Array<{
          node: Named & {
            date: string;
            appointments: Array<{
              action: string;
              person: Named;
              office: Named;
              date: string;
              statements: Array<{
                pointInTime: { evidence: Array<Evidence & { excerpts: string[] }> };
              }>;
            }>;
            signatures: Array<{ signer: Named; office: Named; date: string }>;
          };
        }>;
      };
    };
    expect(d.documents.totalCount).toBe(2);
    const rows = d.documents.edges.map(({ node }) => {
      const [a] = node.appointments;
      const [s] = node.signatures;
      return [a!.action, a!.person.name, a!.office.name, a!.date, s!.signer.name, s!.date];
    });
    expect(rows).toEqual([
      [
        'APPOINTED',
        'Alikhan Smailov',
        'Prime Minister of Kazakhstan',
        '2022-01-11',
        'Kassym-Jomart Tokayev',
        '2022-01-11',
      ],
      [
        'APPOINTED',
        'Olzhas Bektenov',
        'Prime Minister of Kazakhstan',
        '2024-02-06',
        'Kassym-Jomart Tokayev',
        '2024-02-06',
      ],
    ]);
    // Each date with the sentence that gives it, in the article's own language.
    const evidence = d.documents.edges.map(
      ({ node }) => node.appointments[0]!.statements[0]!.pointInTime.evidence[0]!.excerpts,
    );
    expect(evidence).toEqual([
      ['Указ подписан 11 января 2022 года'],
      ['Жарлыққа 2024 жылғы 6 ақпанда қол қойылды'],
    ]);
  },
  'what-was-discussed.graphql': (data) => {
    const d = data as unknown as { node: { discussed: Discussed[] } };
    const subjects = d.node.discussed.map((x) => x.subject.name);
    expect(subjects).toEqual(
      expect.arrayContaining(['Caspian Pipeline Consortium', 'Peaceful atom']),
    );
    const cpc = d.node.discussed.find((x) => x.subject.name === 'Caspian Pipeline Consortium')!;
    expect(cpc.framing).toBe('CONSIDERED');
    expect(cpc.evidence[0]!.sentence.text).toContain('Каспий құбыр консорциумы');
    const prospects = d.node.discussed.filter((x) => x.framing === 'PROSPECT');
    expect(prospects.length).toBeGreaterThan(3);
    expect(prospects.every((x) => x.raisedBy?.name === 'Mikhail Mishustin')).toBe(true);
  },
  'who-said-what.graphql': (data) => {
    const d = data as unknown as { quotes: Edges<Quote> };
    expect(d.quotes.totalCount).toBe(4);
    const bySpeaker = d.quotes.edges.map((e) => e.node.speaker.name);
    expect(bySpeaker.filter((n) => n === 'Alikhan Smailov')).toHaveLength(3);
    expect(bySpeaker.filter((n) => n === 'Mikhail Mishustin')).toHaveLength(1);
    const trade = d.quotes.edges.find((e) => e.node.text.includes('$24,2 млрд'))!.node;
    expect(trade.translationEn).toMatch(/24\.2/);
    expect(trade.figures.map((f) => f.surfaceText)).toContain('$24,2 млрд');
    expect(d.quotes.edges.every((e) => e.node.meeting.date === '2022-08-25')).toBe(true);
  },
  'trade-figures.graphql': (data) => {
    const d = data as unknown as { numericFacts: Edges<Figure> };
    const nodes = d.numericFacts.edges.map((e) => e.node);
    expect(nodes[0]).toMatchObject({
      value: 24_200_000_000,
      unit: 'CURRENCY',
      currency: 'USD',
      period: { label: '2021' },
      change: 'INCREASE',
      statedBy: { name: 'Alikhan Smailov' },
    });
    expect(nodes[0]!.qualifiers).toContain('record');
    const h1 = nodes.find((n) => n.period?.label === 'H1 2022')!;
    expect(h1).toMatchObject({ value: 5, unit: 'PERCENT', isChange: true });
    for (const n of nodes) expect(n.evidence.length).toBeGreaterThan(0);
  },
  'how-two-entities-connect.graphql': (data) => {
    const d = data as unknown as { path: GraphPart & { length: number } };
    expect(d.path.length).toBe(2);
    expect(d.path.nodes.map((n) => n.caption)).toEqual([
      'Mikhail Mishustin',
      'Meeting of Alikhan Smailov and Mikhail Mishustin',
      'Caspian Pipeline Consortium',
    ]);
    expect(d.path.relationships.map((r) => r.type)).toEqual(['PARTICIPATED_IN', 'DISCUSSED']);
  },
  'where-is-it-mentioned.graphql': (data) => {
    const d = data as unknown as {
      entity: {
        names: unknown;
        mentions: { totalCount: number; edges: Array<{ forms: string[] }> };
      };
    };
    expect(d.entity.names).toEqual({ kk: 'Қазақстан', ru: 'Казахстан', en: 'Kazakhstan' });
    const forms = d.entity.mentions.edges.flatMap((e) => e.forms);
    expect(forms).toEqual(expect.arrayContaining(['Қазақстанның', 'Қазақстанмен', 'ҚР']));
    expect(d.entity.mentions.totalCount).toBe(d.entity.mentions.edges.length);
  },
  'search-in-three-languages.graphql': (data) => {
    const d = data as unknown as { kk: Hit[]; ru: Hit[]; en: Hit[] };
    expect(d.kk[0]!.entity.id).toBe('person/mikhail-mishustin');
    expect(d.ru[0]!.entity.id).toBe('country/kz');
    expect(d.en[0]!.entity.id).toBe('infrastructure/caspian-pipeline-consortium');
    for (const hit of [d.kk[0]!, d.ru[0]!, d.en[0]!]) {
      expect(hit.score).toBeGreaterThan(0);
      expect(hit.matchedName.length).toBeGreaterThan(0);
    }
  },
  'article-sentences.graphql': (data) => {
    const d = data as unknown as {
      article: {
        title: string;
        sentences: { totalCount: number; edges: Array<{ node: Sentence }> };
      };
    };
    expect(d.article.title).toContain('Өзара мүдделер тоғысы');
    const sentences = d.article.sentences.edges.map((e) => e.node);
    expect(sentences.length).toBe(20);
    expect(d.article.sentences.totalCount).toBe(20);
    const withFacts = sentences.filter((s) => s.facts.length > 0);
    expect(withFacts.length).toBeGreaterThan(5);
    const meeting = sentences.find((s) => s.text.includes('кездесу өткізді'))!;
    expect(meeting.mentions.map((m) => m.entity.name)).toEqual(
      expect.arrayContaining(['Alikhan Smailov', 'Mikhail Mishustin', 'Cholpon-Ata']),
    );
  },
  'neighborhood.graphql': (data) => {
    const d = data as unknown as { neighborhood: GraphPart };
    const ids = d.neighborhood.nodes.map((n) => n.id);
    expect(ids).toEqual(
      expect.arrayContaining(['meeting/2022-08-25-smailov-mishustin', 'person/mikhail-mishustin']),
    );
    const known = new Set(ids);
    for (const e of d.neighborhood.edges)
      expect(known.has(e.source) && known.has(e.target)).toBe(true);
  },
  'what-a-person-claimed.graphql': (data) => {
    const d = data as unknown as {
      entity: {
        offices: Array<{ office: Named }>;
        claims: { edges: Array<{ node: { summaryEn: string; excerpts: string[] } }> };
      };
    };
    expect(d.entity.offices[0]!.office.name).toBe(
      'Chairman of the Government of the Russian Federation',
    );
    const claims = d.entity.claims.edges.map((e) => e.node);
    expect(claims.length).toBeGreaterThan(1);
    for (const c of claims) {
      expect(c.summaryEn.length).toBeGreaterThan(0);
      expect(c.excerpts.length).toBeGreaterThan(0);
    }
  },
};

let api: SeededApi;
beforeAll(async () => {
  api = await startSeededApi({}, { corpus: 'all' });
});
afterAll(async () => {
  await api?.close();
});

describe('docs/queries', () => {
  it('every file has assertions', () => {
    expect(files.length).toBeGreaterThanOrEqual(7);
    expect(files.filter((f) => !expectations[f])).toEqual([]);
  });

  // Normalised client caches (Apollo Client, urql) key objects by id: every example asks for it.
  it.each(files)('%s selects `id` on everything that has one', (file) => {
    const schema = createSchema();
    const typeInfo = new TypeInfo(schema);
    const missing: string[] = [];
    const document = parse(readFileSync(path.join(QUERIES_DIR, file), 'utf8'));
    visit(
      document,
      visitWithTypeInfo(typeInfo, {
        Field(field) {
          const type = getNamedType(typeInfo.getType());
          if (!field.selectionSet || !(isObjectType(type) || isInterfaceType(type))) return;
          if (!('id' in type.getFields())) return;
          const hasId = field.selectionSet.selections.some(
            (s) => s.kind === 'Field' && s.name.value === 'id' && !s.alias,
          );
          if (!hasId)
            missing.push(`${field.name.value} (${type.name}), line ${field.loc?.startToken.line}`);
        },
      }),
    );
    expect(missing).toEqual([]);
  });

  it.each(files)('%s answers its question', async (file) => {
    const query = readFileSync(path.join(QUERIES_DIR, file), 'utf8');
    expect(
      query.match(/^(query|mutation|subscription)\b/gm),
      'one operation per file',
    ).toHaveLength(1);
    const data = await api.query<Data>(query);
    expectations[file]!(data);
  });
});
