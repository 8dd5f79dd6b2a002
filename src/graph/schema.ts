/**
 * The graph's schema (constraints and indexes), as docs/graph-model.md declares it.
 * Every statement is `IF NOT EXISTS`, so applying it again is a no-op.
 */
import type { Driver } from 'neo4j-driver';

/** Labels whose `id` is unique. Fixed list: these names are interpolated into DDL. */
export const ENTITY_KIND_LABELS = [
  'Country',
  'Person',
  'Office',
  'Organization',
  'Place',
  'Event',
  'Meeting',
  'InfrastructureProject',
  'Topic',
  'Document',
] as const;

export const PROVENANCE_LABELS = ['Article', 'Sentence'] as const;
export const FACT_NODE_LABELS = ['Quote', 'Claim', 'NumericFact'] as const;

/**
 * The labels nodes are looked up by id on, whatever their kind: each has a uniqueness
 * constraint on `id`, so a lookup per label stays on an index.
 */
export const ID_LOOKUP_LABELS = ['Entity', ...PROVENANCE_LABELS, ...FACT_NODE_LABELS] as const;
export type IdLookupLabel = (typeof ID_LOOKUP_LABELS)[number];

export const ID_UNIQUE_LABELS = [
  'Entity',
  ...ENTITY_KIND_LABELS,
  ...PROVENANCE_LABELS,
  ...FACT_NODE_LABELS,
] as const;

/** Relationship types annotated as facts: they carry factId/articleId (indexed for clean-up). */
export const FACT_RELATIONSHIP_TYPES = [
  'HOLDS_OFFICE',
  'OFFICE_IN',
  'OFFICE_OF',
  'GOVERNMENT_OF',
  'BASED_IN',
  'PART_OF',
  'LOCATED_IN',
  'HELD_IN',
  'SESSION_OF',
  'ON_SIDELINES_OF',
  'DURING',
  'PARTICIPATED_IN',
  'REPORTED_BY',
  'DISCUSSED',
  'SIGNED',
  'SIGNED_AT',
  'APPOINTED',
  'NOMINATED',
  'DISMISSED',
  'SAID',
  'SAID_AT',
  'MADE_CLAIM',
  'MADE_AT',
  'CONTAINS',
  'ABOUT',
  'STATED',
] as const;
export type FactRelationshipType = (typeof FACT_RELATIONSHIP_TYPES)[number];

export const ENTITY_NAMES_INDEX = 'entity_names';
/** What the index covers: an entity's search keys (src/graph/search.ts `searchProperties`). */
export const SEARCH_KEY_PROPERTIES = ['searchWords', 'searchStems', 'searchNames'] as const;
const NAMES_ANALYZER = 'standard-no-stop-words';

function snake(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

/** The DDL statements, in order. Pure: unit-testable and printable by the CLI. */
export function graphSchemaStatements(): string[] {
  const statements: string[] = [];
  for (const label of ID_UNIQUE_LABELS) {
    statements.push(
      `CREATE CONSTRAINT ${snake(label)}_id_unique IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`,
    );
  }
  statements.push(
    'CREATE INDEX sentence_article_id IF NOT EXISTS FOR (n:Sentence) ON (n.articleId)',
    'CREATE INDEX meeting_date IF NOT EXISTS FOR (n:Meeting) ON (n.date)',
    'CREATE INDEX article_published_at IF NOT EXISTS FOR (n:Article) ON (n.publishedAt)',
    'CREATE INDEX quote_article_id IF NOT EXISTS FOR (n:Quote) ON (n.articleId)',
    'CREATE INDEX claim_article_id IF NOT EXISTS FOR (n:Claim) ON (n.articleId)',
    'CREATE INDEX numeric_fact_article_id IF NOT EXISTS FOR (n:NumericFact) ON (n.articleId)',
    // Country.representedAt finds participations by the side's country, a relationship property.
    'CREATE INDEX rel_participated_in_country_id IF NOT EXISTS FOR ()-[r:PARTICIPATED_IN]-() ON (r.countryId)',
  );
  for (const type of FACT_RELATIONSHIP_TYPES) {
    statements.push(
      `CREATE INDEX rel_${type.toLowerCase()}_article_id IF NOT EXISTS FOR ()-[r:${type}]-() ON (r.articleId)`,
    );
  }
  // The keys are analysed by the language module at seed time (LIST<STRING> properties, which
  // Neo4j 5.26 indexes element by element). A key is letters, digits and `_`, which the
  // standard tokenizer keeps as one term; its lowercasing only serves raw Lucene typed in the
  // Browser (`Чолпон`), the API's terms being lowercase already.
  statements.push(
    `CREATE FULLTEXT INDEX ${ENTITY_NAMES_INDEX} IF NOT EXISTS FOR (n:Entity) ON EACH ` +
      `[${SEARCH_KEY_PROPERTIES.map((p) => `n.${p}`).join(', ')}] ` +
      `OPTIONS { indexConfig: { \`fulltext.analyzer\`: '${NAMES_ANALYZER}' } }`,
  );
  return statements;
}

/**
 * Where applying the graph schema is: `inPlace` of the `total` constraints and indexes exist,
 * `created` of them by this call (`just` names the one made last, null on the first report);
 * `online` once every index has finished populating.
 */
export interface SchemaProgress {
  inPlace: number;
  total: number;
  created: number;
  just: string | null;
  online: boolean;
}

/**
 * Creates every constraint and index (idempotent) and waits until they are online. `onProgress`
 * hears once what already exists, once per constraint or index created, and once when all are
 * online.
 */
export async function applyGraphSchema(
  driver: Driver,
  database: string,
  onProgress: (progress: SchemaProgress) => void = () => {},
): Promise<void> {
  // Statements whose name already exists would be no-ops (IF NOT EXISTS matches on the name):
  // skipping them saves a round trip each on every seed after the first.
  const existing = new Set<string>();
  for (const show of ['SHOW CONSTRAINTS YIELD name', 'SHOW INDEXES YIELD name']) {
    const { records } = await driver.executeQuery(show, {}, { database });
    for (const r of records) existing.add(r.get('name') as string);
  }
  if (existing.has(ENTITY_NAMES_INDEX) && !(await namesIndexIsCurrent(driver, database))) {
    await driver.executeQuery(`DROP INDEX ${ENTITY_NAMES_INDEX}`, {}, { database });
    existing.delete(ENTITY_NAMES_INDEX);
  }
  const statements = graphSchemaStatements().map((cypher) => ({
    cypher,
    name: /^CREATE (?:CONSTRAINT|(?:FULLTEXT )?INDEX) (\w+)/.exec(cypher)?.[1] ?? cypher,
  }));
  const missing = statements.filter(({ name }) => !existing.has(name));
  const progress: SchemaProgress = {
    inPlace: statements.length - missing.length,
    total: statements.length,
    created: 0,
    just: null,
    online: false,
  };
  onProgress({ ...progress });
  for (const { cypher, name } of missing) {
    await driver.executeQuery(cypher, {}, { database });
    progress.inPlace += 1;
    progress.created += 1;
    progress.just = name;
    onProgress({ ...progress });
  }
  // Indexes that existed before may still be populating (created by a run that stopped early):
  // wait only when one is not online, or when this call created some.
  const { records } = await driver.executeQuery(
    "SHOW INDEXES YIELD state WHERE state <> 'ONLINE' RETURN count(*) AS pending",
    {},
    { database },
  );
  if (progress.created > 0 || Number(records[0]?.get('pending') ?? 0) > 0)
    await driver.executeQuery('CALL db.awaitIndexes(300)', {}, { database });
  onProgress({ ...progress, just: null, online: true });
}

/**
 * Does the full-text index cover the search keys, with their analyzer? A graph made before
 * they existed has it on another property: it is dropped and made again (its entities get
 * their keys when reseeded).
 */
async function namesIndexIsCurrent(driver: Driver, database: string): Promise<boolean> {
  const { records } = await driver.executeQuery(
    `SHOW INDEXES YIELD name, properties, options WHERE name = $name
     RETURN properties, options.indexConfig['fulltext.analyzer'] AS analyzer`,
    { name: ENTITY_NAMES_INDEX },
    { database },
  );
  const properties = (records[0]?.get('properties') as string[] | undefined) ?? [];
  const analyzer = records[0]?.get('analyzer') as string | undefined;
  return properties.join() === SEARCH_KEY_PROPERTIES.join() && analyzer === NAMES_ANALYZER;
}
