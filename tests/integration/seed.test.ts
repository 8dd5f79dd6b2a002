/**
 * The seeder against a real Neo4j: the first article's graph, its provenance, and idempotency.
 */
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEEDS_DIR, seedCorpus, type SeedReport } from '../../src/seed/index.js';
import { createTestDriver, testNeo4j } from '../helpers/neo4j.js';
import { graphDump, seedTestCorpus } from '../helpers/seed.js';

const ARTICLE = 'article/2022-08-25-smailov-mishustin';
const MEETING = 'meeting/2022-08-25-smailov-mishustin';
/** The articles of seeds/, in corpus (file name) order. */
const CORPUS = [
  'article/2022-01-11-smailov-appointed',
  'article/2022-06-18-tokayev-visit-to-iran',
  ARTICLE,
  'article/2022-11-07-kazakhstan-eu-memorandum',
  'article/2024-02-06-bektenov-appointed',
];

let driver: Driver;
let firstReport: SeedReport;

async function rows(cypher: string, params: Record<string, unknown> = {}) {
  const { records } = await driver.executeQuery(cypher, params, {
    database: testNeo4j().database,
  });
  return records.map((r) => r.toObject());
}

beforeAll(async () => {
  driver = createTestDriver();
  firstReport = await seedTestCorpus(driver);
});

afterAll(async () => {
  await driver.close();
});

describe('seeding the seeds/ corpus', () => {
  it('reports every article as created', () => {
    expect(firstReport.articles.map((a) => a.articleId)).toEqual(CORPUS);
    for (const a of firstReport.articles) {
      expect(a.status).toBe('created');
      expect(a.removed).toEqual({ nodes: 0, relationships: 0 });
    }
    const article = firstReport.articles.find((a) => a.articleId === ARTICLE);
    expect(article?.articleId).toBe(ARTICLE);
    expect(article?.status).toBe('created');
    expect(article?.created.nodes).toBeGreaterThan(50);
    expect(article?.removed).toEqual({ nodes: 0, relationships: 0 });
  });

  it('stores the article with its metadata and verbatim text', async () => {
    const [a] = await rows(
      `MATCH (a:Article {id: $id})-[:SOURCED_FROM]->(o:Organization)
       RETURN a.title AS title, a.language AS language, toString(a.publishedAt) AS publishedAt,
              a.sourceName AS sourceName, a.url AS url, size(a.text) AS textLength,
              a.contentHash AS hash, o.id AS source`,
      { id: ARTICLE },
    );
    expect(a).toEqual({
      title: '«Өзара мүдделер тоғысы». Смайылов пен Мишустин не туралы сөйлесті?',
      language: 'kk',
      publishedAt: '2022-08-25T23:33:00+06:00',
      sourceName: 'ҚР Үкіметінің баспасөз қызметі',
      url: null,
      textLength: expect.anything(),
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      source: 'organization/kz-government-press-service',
    });
  });

  it('Smailov PARTICIPATED_IN the meeting as Prime Minister of Kazakhstan', async () => {
    const found = await rows(
      `MATCH (p:Person {id: 'person/alikhan-smailov'})-[r:PARTICIPATED_IN]->(m:Meeting {id: $meeting})
       MATCH (o:Office {id: r.officeId}), (c:Country {id: r.countryId})
       MATCH (p)-[:HOLDS_OFFICE]->(o)-[:OFFICE_IN]->(:Organization)-[:GOVERNMENT_OF]->(c)
       RETURN DISTINCT o.nameEn AS office, c.iso3166Alpha2 AS country, toString(m.date) AS date, m.meetingType AS type`,
      { meeting: MEETING },
    );
    expect(found).toEqual([
      {
        office: 'Prime Minister of Kazakhstan',
        country: 'KZ',
        date: '2022-08-25',
        type: 'BILATERAL',
      },
    ]);
    const mishustin = await rows(
      `MATCH (:Person {id: 'person/mikhail-mishustin'})-[r:PARTICIPATED_IN]->(:Meeting {id: $meeting})
       RETURN r.officeId AS office, r.countryId AS country`,
      { meeting: MEETING },
    );
    expect(mishustin).toEqual([
      { office: 'office/chairman-of-the-government-of-russia', country: 'country/ru' },
    ]);
  });

  it('the meeting was held in Cholpon-Ata, in Kyrgyzstan, on the sidelines of the council session', async () => {
    const found = await rows(
      `MATCH (m:Meeting {id: $meeting})-[:HELD_IN]->(p:Place)-[:LOCATED_IN]->(c:Country)
       MATCH (m)-[:ON_SIDELINES_OF]->(e:Event)-[:SESSION_OF]->(o:Organization)
       MATCH (e)-[:HELD_IN]->(p)
       MATCH (m)-[:REPORTED_BY]->(r:Organization)-[:PART_OF]->(:Organization)-[:GOVERNMENT_OF]->(:Country {id: 'country/kz'})
       RETURN p.nameEn AS place, c.nameEn AS country, c.iso3166Alpha3 AS iso3, o.nameEn AS council,
              e.eventType AS eventType, r.organizationType AS reporter`,
      { meeting: MEETING },
    );
    expect(found).toEqual([
      {
        place: 'Cholpon-Ata',
        country: 'Kyrgyzstan',
        iso3: 'KGZ',
        council: 'Eurasian Intergovernmental Council',
        eventType: 'INTERGOVERNMENTAL_COUNCIL_SESSION',
        reporter: 'PRESS_SERVICE',
      },
    ]);
  });

  it('the $24.2 bn figure has its unit, currency, period, record qualifier and speaker', async () => {
    const [n] = await rows(
      `MATCH (s:Person)-[:STATED]->(n:NumericFact {surfaceText: '$24,2 млрд'})<-[:CONTAINS]-(q:Quote)<-[:SAID]-(s)
       RETURN n.value AS value, n.unit AS unit, n.currency AS currency, n.periodLabel AS period,
              toString(n.periodStart) AS periodStart, toString(n.periodEnd) AS periodEnd,
              n.qualifiers AS qualifiers, n.isChange AS isChange, n.metric AS metric, s.id AS speaker`,
    );
    expect(n).toEqual({
      value: 24_200_000_000,
      unit: 'CURRENCY',
      currency: 'USD',
      period: '2021',
      periodStart: '2021-01-01',
      periodEnd: '2021-12-31',
      qualifiers: ['record'],
      isChange: false,
      metric: 'mutual trade turnover',
      speaker: 'person/alikhan-smailov',
    });
    const figures = await rows(
      `MATCH (n:NumericFact {articleId: $article}) RETURN n.unit AS unit, n.value AS value ORDER BY n.id`,
      { article: ARTICLE },
    );
    expect(figures).toEqual([
      { unit: 'YEARS', value: 30 },
      { unit: 'FRACTION', value: 1 / 3 },
      { unit: 'PERCENT', value: 5 },
      { unit: 'CURRENCY', value: 24_200_000_000 },
    ]);
  });

  it('each of the four quotes is verbatim, attributed, and carries a translation marked as such', async () => {
    const quotes = await rows(
      `MATCH (p:Person)-[:SAID]->(q:Quote {articleId: $article})-[:SAID_AT]->(:Meeting {id: $meeting})
       MATCH (a:Article {id: $article})
       RETURN p.nameEn AS speaker, q.text AS text, q.translationEn AS en, q.translationNote AS note,
              substring(a.text, q.start, q.end - q.start) AS atOffsets
       ORDER BY q.start`,
      { article: ARTICLE, meeting: MEETING },
    );
    expect(quotes.map((q) => q.speaker)).toEqual([
      'Alikhan Smailov',
      'Alikhan Smailov',
      'Alikhan Smailov',
      'Mikhail Mishustin',
    ]);
    for (const q of quotes) {
      expect(q.atOffsets).toBe(q.text);
      expect(q.en).toMatch(/\w/);
      expect(q.note).toMatch(/translation/i);
    }
    expect(quotes[1]?.text).toContain('$24,2 млрд');
  });

  it('records what was discussed, considered and named as a prospect', async () => {
    const discussed = await rows(
      `MATCH (:Meeting {id: $meeting})-[r:DISCUSSED]->(t)
       RETURN r.framing AS framing, t.nameEn AS name, r.raisedById AS raisedBy ORDER BY framing, name`,
      { meeting: MEETING },
    );
    const byFraming = (f: string) => discussed.filter((d) => d.framing === f).map((d) => d.name);
    expect(byFraming('DISCUSSED')).toEqual([
      'Supply of products needed for industrial cooperation',
      'Transit of Kazakh raw materials',
      'Unimpeded export of goods',
    ]);
    expect(byFraming('CONSIDERED')).toEqual([
      'Astrakhan–Mangyshlak main water pipeline',
      'Caspian Pipeline Consortium',
      'Gasification of the northern and eastern regions of Kazakhstan',
    ]);
    expect(byFraming('PROSPECT')).toHaveLength(8);
    expect(
      discussed
        .filter((d) => d.framing === 'PROSPECT')
        .every((d) => d.raisedBy === 'person/mikhail-mishustin'),
    ).toBe(true);
    const pipes = await rows(
      `MATCH (i:InfrastructureProject) RETURN i.projectType AS type ORDER BY type`,
    );
    expect(pipes).toEqual([{ type: 'OIL_PIPELINE' }, { type: 'WATER_PIPELINE' }]);
  });

  it('every fact relationship has sentenceIds resolving to sentences containing its evidence', async () => {
    const rels = await rows(
      `MATCH ()-[r]->() WHERE r.articleId = $article
       RETURN type(r) AS type, r.factId AS factId, r.sentenceIds AS sentenceIds, r.evidence AS evidence`,
      { article: ARTICLE },
    );
    expect(rels.length).toBeGreaterThan(100);
    const sentences = new Map(
      (
        await rows(`MATCH (s:Sentence {articleId: $article}) RETURN s.id AS id, s.text AS text`, {
          article: ARTICLE,
        })
      ).map((s) => [s.id as string, s.text as string]),
    );
    for (const r of rels) {
      const ids = r.sentenceIds as string[];
      expect(ids.length, `${r.type} ${r.factId}`).toBeGreaterThan(0);
      expect((r.evidence as string[]).length, `${r.type} ${r.factId}`).toBeGreaterThan(0);
      const joined = ids.map((id) => sentences.get(id)).join(' ');
      for (const id of ids) expect(sentences.has(id), `${r.factId}: ${id}`).toBe(true);
      for (const excerpt of r.evidence as string[]) {
        // An excerpt lies in one sentence or spans consecutive ones.
        const pieces = excerpt.split(/(?<=[.!?])\s+/);
        for (const piece of pieces) expect(joined, `${r.factId}`).toContain(piece);
      }
    }
  });

  it('every fact node is EVIDENCED_BY the sentences its evidence lies in', async () => {
    const unevidenced = await rows(
      `MATCH (f) WHERE (f:Quote OR f:Claim OR f:NumericFact) AND NOT EXISTS { (f)-[:EVIDENCED_BY]->(:Sentence) }
       RETURN f.id AS id`,
    );
    expect(unevidenced).toEqual([]);
    const wrong = await rows(
      `MATCH (c:Claim)-[:EVIDENCED_BY]->(s:Sentence)
       WITH c, collect(s.text) AS texts
       WHERE NONE(e IN c.evidence WHERE ANY(t IN texts WHERE t CONTAINS e))
       RETURN c.id AS id`,
    );
    expect(wrong).toEqual([]);
  });

  it('splits the text into ordered sentences with code point offsets', async () => {
    const sentences = await rows(
      `MATCH (a:Article {id: $article})-[:HAS_SENTENCE]->(s:Sentence)
       RETURN s.index AS index, s.start AS start, s.end AS end, s.text AS text,
              substring(a.text, s.start, s.end - s.start) AS atOffsets
       ORDER BY s.index`,
      { article: ARTICLE },
    );
    expect(sentences).toHaveLength(20);
    sentences.forEach((s, i) => {
      expect(Number(s.index)).toBe(i);
      expect(s.atOffsets).toBe(s.text);
    });
    expect(sentences[9]?.text).toMatch(/^2021 жылдың/);
  });

  it('links entities to the sentences mentioning them, from names and inflected forms', async () => {
    const kz = await rows(
      `MATCH (s:Sentence)-[m:MENTIONS]->(:Country {id: 'country/kz'})
       RETURN s.index AS index, m.forms AS forms ORDER BY index`,
    );
    const forms = kz.flatMap((k) => k.forms as string[]);
    expect(forms).toEqual(
      expect.arrayContaining(['ҚР', 'Қазақстан', 'Қазақстанмен', 'Қазақстанның']),
    );
    const mishustin = await rows(
      `MATCH (s:Sentence)-[:MENTIONS]->(:Person {id: 'person/mikhail-mishustin'}) RETURN s.index AS index ORDER BY index`,
    );
    expect(mishustin.map((m) => Number(m.index))).toEqual([2, 3, 14, 17]);
  });

  it('creates the constraints and the full-text index over all names', async () => {
    const hits = await rows(
      `CALL db.index.fulltext.queryNodes('entity_names', 'Чолпон') YIELD node RETURN node.id AS id`,
    );
    expect(hits.map((h) => h.id)).toContain('place/cholpon-ata');
    const kk = await rows(
      `CALL db.index.fulltext.queryNodes('entity_names', 'Қазақстанмен') YIELD node RETURN node.id AS id`,
    );
    expect(kk.map((h) => h.id)).toContain('country/kz');
    const constraints = await rows(`SHOW CONSTRAINTS YIELD labelsOrTypes RETURN labelsOrTypes`);
    const labels = constraints.flatMap((c) => c.labelsOrTypes as string[]);
    expect(labels).toEqual(
      expect.arrayContaining(['Entity', 'Person', 'Article', 'Sentence', 'Quote']),
    );
  });
});

describe('idempotency', () => {
  it('a second run skips the unchanged article and writes nothing', async () => {
    const before = await graphDump(driver);
    const second = await seedCorpus(driver, { database: testNeo4j().database });
    expect(second.articles.map((a) => a.status)).toEqual(CORPUS.map(() => 'skipped'));
    expect(second.counters).toEqual({
      nodesCreated: 0,
      nodesDeleted: 0,
      relationshipsCreated: 0,
      relationshipsDeleted: 0,
      propertiesSet: 0,
      labelsAdded: 0,
      labelsRemoved: 0,
    });
    expect(await graphDump(driver)).toEqual(before);
  });

  it('re-seeding one article of the corpus with --force changes nothing another contributed', async () => {
    const before = await graphDump(driver);
    // The first article shares Smailov, Kazakhstan and the Prime Minister's office with three
    // other articles: its rewrite must leave their forms, mentions and statements as they are.
    const one = await seedCorpus(driver, {
      database: testNeo4j().database,
      paths: [path.join(DEFAULT_SEEDS_DIR, 'article-2022-08-25-smailov-mishustin.yaml')],
      force: true,
    });
    expect(one.articles.map((a) => a.status)).toEqual(['updated']);
    expect(await graphDump(driver)).toEqual(before);
  });

  it('a forced rewrite MERGEs onto the same nodes: nothing created or removed', async () => {
    const before = await graphDump(driver);
    const forced = await seedCorpus(driver, { database: testNeo4j().database, force: true });
    expect(forced.articles.map((a) => a.status)).toEqual(CORPUS.map(() => 'updated'));
    expect(forced.counters).toMatchObject({
      nodesCreated: 0,
      nodesDeleted: 0,
      relationshipsCreated: 0,
      relationshipsDeleted: 0,
      labelsAdded: 0,
      labelsRemoved: 0,
    });
    expect(await graphDump(driver)).toEqual(before);
  });
});
