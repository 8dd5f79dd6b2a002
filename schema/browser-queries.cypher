// Ready-to-run queries for Neo4j Browser over the togys graph (docs/graph-model.md).
// Each query is preceded by a `// title` comment; paste one into Browser and run it.
// Load schema/browser-style.grass first (see its header) for short captions and colours by kind.
// The queries that draw a graph keep it to a few dozen nodes, so every caption can be read.
// tests/integration/browser-queries.test.ts runs every query here against the seeded graph.

// The meeting at a glance: who took part in which office, for which country, where, and on whose sidelines
MATCH (m:Meeting {id: 'meeting/2022-08-25-smailov-mishustin'})
MATCH took = (m)<-[r:PARTICIPATED_IN]-(:Person)-[:HOLDS_OFFICE]->(o:Office)
WHERE o.id = r.officeId
MATCH side = (o)-[:OFFICE_IN]->(:Organization)-[:GOVERNMENT_OF]->(:Country)
MATCH held = (m)-[:HELD_IN]->(:Place)-[:LOCATED_IN]->(:Country)
MATCH sidelines = (m)-[:ON_SIDELINES_OF]->(:Event)-[:SESSION_OF]->(:Organization)
RETURN took, side, held, sidelines;

// Who took part, in which office, for which side
MATCH (p:Person)-[r:PARTICIPATED_IN]->(m:Meeting)
MATCH (o:Office {id: r.officeId})
MATCH (c:Country {id: r.countryId})
RETURN m.nameEn AS meeting, toString(m.date) AS date, p.nameEn AS person, o.nameEn AS office,
       c.nameEn AS country;

// Where: the place, its country, and the session on whose sidelines the meeting was held
MATCH held = (m:Meeting)-[:HELD_IN]->(:Place)-[:LOCATED_IN]->(:Country)
MATCH sidelines = (m)-[:ON_SIDELINES_OF]->(:Event)-[:SESSION_OF]->(:Organization)
RETURN held, sidelines;

// Officials, their offices, governments and countries
MATCH path = (:Person)-[:HOLDS_OFFICE]->(:Office)-[:OFFICE_IN]->(:Organization)-[:GOVERNMENT_OF]->(:Country)
RETURN path;

// Who said what: every quotation, verbatim, with its English translation
MATCH (p:Person)-[:SAID]->(q:Quote)
OPTIONAL MATCH (q)-[:SAID_AT]->(m:Meeting)
RETURN p.nameEn AS speaker, q.text AS kazakh, q.translationEn AS english,
       q.translationNote AS translation, m.nameEn AS meeting
ORDER BY q.articleId, q.start;

// Who said what at the meeting, as a graph
MATCH path = (:Person)-[:SAID]->(:Quote)-[:SAID_AT]->(:Meeting)
RETURN path;

// Quotations and the claims and figures stated inside them
MATCH path = (:Person)-[:SAID]->(:Quote)-[:CONTAINS]->()
RETURN path;

// The claims each side made about the relationship
MATCH (p:Person)-[:MADE_CLAIM]->(c:Claim)
RETURN p.nameEn AS by, c.claimType AS type, c.summaryEn AS claim, c.evidence AS evidence
ORDER BY by, type;

// What was discussed, considered, and named as a prospect
MATCH (m:Meeting)-[d:DISCUSSED]->(t)
OPTIONAL MATCH (raiser:Person {id: d.raisedById})
RETURN d.framing AS framing, t.kind AS kind, t.nameEn AS subject, t.nameKk AS kazakh,
       raiser.nameEn AS raisedBy
ORDER BY framing, subject;

// What was discussed, as a graph (each edge shows its framing)
MATCH path = (:Meeting)-[:DISCUSSED]->()
RETURN path;

// Decrees: who signed which, in which office, and whom it appointed, as a graph
MATCH path = (:Person)-[:SIGNED]->(:Document)-[:APPOINTED]->(:Person)
RETURN path;

// The claims each side made, as a graph
MATCH path = (:Person)-[:MADE_CLAIM]->(:Claim)
RETURN path;

// The trade figures
MATCH (n:NumericFact)
OPTIONAL MATCH (p:Person)-[:STATED]->(n)
RETURN n.metric AS metric, n.value AS value, n.unit AS unit, n.currency AS currency,
       n.periodLabel AS period, n.change AS change, n.isChange AS isChange,
       n.qualifiers AS qualifiers, n.surfaceText AS asWritten, p.nameEn AS statedBy
ORDER BY n.periodStart, n.metric;

// Sentences mentioning an entity (here Kazakhstan, in any inflected form)
MATCH (a:Article)-[:HAS_SENTENCE]->(s:Sentence)-[m:MENTIONS]->(:Entity {id: 'country/kz'})
RETURN a.title AS article, s.index AS sentence, m.forms AS forms, s.text AS text
ORDER BY a.id, s.index;

// The entities a sentence mentions (here the first sentence of the report)
MATCH (s:Sentence {id: 'sentence/2022-08-25-smailov-mishustin/3'})-[m:MENTIONS]->(e:Entity)
RETURN s.text AS sentence, e.kind AS kind, e.nameEn AS entity, m.forms AS forms;

// The evidence of every fact relationship: the sentences that state it
MATCH (x)-[r]->(y)
WHERE r.factId IS NOT NULL
UNWIND r.sentenceIds AS sentenceId
MATCH (s:Sentence {id: sentenceId})
RETURN type(r) AS fact, x.id AS from, y.id AS to, r.evidence AS evidence, s.index AS sentence,
       s.text AS text
ORDER BY s.index
LIMIT 200;

// Full-text search over every name in Kazakh, Russian and English
CALL db.index.fulltext.queryNodes('entity_names', 'Мишустин OR Cholpon OR Қазақстан')
YIELD node, score
RETURN node.kind AS kind, node.nameEn AS en, node.nameKk AS kk, node.nameRu AS ru, score
ORDER BY score DESC;

// Articles, their sources and sizes
MATCH (a:Article)
OPTIONAL MATCH (a)-[:SOURCED_FROM]->(o:Organization)
RETURN a.id AS id, a.title AS title, toString(a.publishedAt) AS published, a.sourceName AS source,
       o.nameEn AS sourceEntity, COUNT { (a)-[:HAS_SENTENCE]->() } AS sentences;
