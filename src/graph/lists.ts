/**
 * The top-level lists (people, meetings, quotes…): one page with keyset pagination, and its
 * count. LIST_SPECS is the whitelist of labels, sort expressions and filter conditions: the only
 * text interpolated into the statements; every value is a parameter.
 */
import { int } from 'neo4j-driver';
import type { CypherQuery } from './cypher.js';
import { keysetCondition, type PageWindow } from './cursor.js';
import { nodeRecordFor, type NodeProjection } from './nodes.js';
import { relatedFromIds, type PrefetchTree } from './relations.js';

export type ListName =
  | 'countries'
  | 'people'
  | 'offices'
  | 'organizations'
  | 'places'
  | 'events'
  | 'meetings'
  | 'documents'
  | 'infrastructureProjects'
  | 'topics'
  | 'entities'
  | 'quotes'
  | 'claims'
  | 'numericFacts'
  | 'articles';

/** Filter conditions, by argument name; each reads `n` and its parameter `$f_<name>`. */
type FilterName =
  | 'nameContains'
  | 'relatedTo'
  | 'kinds'
  | 'dateFrom'
  | 'dateTo'
  | 'textContains'
  | 'articleId'
  | 'titleContains'
  | 'status'
  | 'eventType'
  | 'documentType'
  | 'signedBy';

interface ListSpec {
  label: string;
  /** Sort field (GraphQL enum value) → an expression of `n` giving a string or number key. */
  sorts: Record<string, string>;
  /**
   * Sort field → how to order exactly as its key does but for less per row: by the value itself
   * (`by`; the key, e.g. a date as a string, is then computed only for the page's rows, for the
   * cursors), after `missingFirst`, a boolean putting nodes without the value first, where the
   * key puts them. With a filter of `presentWith` applied no node lacks the value: the boolean
   * is left out, and the index on the value gives the order (a page then reads its own rows
   * rather than sorting every match).
   */
  sortOrders?: Record<string, { by: string; missingFirst: string; presentWith: FilterName[] }>;
  defaultSort: string;
  filters: Partial<Record<FilterName, string>>;
}

const NAME_CONTAINS =
  'any(s IN [n.nameKk, n.nameRu, n.nameEn] + coalesce(n.aliases, []) WHERE toLower(s) CONTAINS toLower($f_nameContains))';
const RELATED_TO = 'EXISTS { MATCH (n)--(o) WHERE o.id = $f_relatedTo }';
const ENTITY_SORTS = { NAME: 'toLower(n.nameEn)', ID: 'n.id' };
const ENTITY_FILTERS = { nameContains: NAME_CONTAINS, relatedTo: RELATED_TO };

function entityList(label: string): ListSpec {
  return { label, sorts: ENTITY_SORTS, defaultSort: 'NAME', filters: ENTITY_FILTERS };
}

function datedList(label: string, dateProp: string): ListSpec {
  return {
    label,
    sorts: { ...ENTITY_SORTS, DATE: `coalesce(toString(n.${dateProp}), '')` },
    // The key puts a missing date ('') before every date; the boolean does the same.
    sortOrders: {
      DATE: {
        by: `n.${dateProp}`,
        missingFirst: `n.${dateProp} IS NOT NULL`,
        presentWith: ['dateFrom', 'dateTo'],
      },
    },
    defaultSort: 'NAME',
    filters: {
      ...ENTITY_FILTERS,
      dateFrom: `n.${dateProp} >= date($f_dateFrom)`,
      dateTo: `n.${dateProp} <= date($f_dateTo)`,
    },
  };
}

function factList(label: string, textExpr: string): ListSpec {
  return {
    label,
    sorts: { ID: 'n.id' },
    defaultSort: 'ID',
    filters: {
      relatedTo: RELATED_TO,
      articleId: 'n.articleId = $f_articleId',
      textContains: `toLower(${textExpr}) CONTAINS toLower($f_textContains)`,
    },
  };
}

const STATUS = 'n.status = $f_status';

export const LIST_SPECS: Record<ListName, ListSpec> = {
  countries: entityList('Country'),
  people: entityList('Person'),
  offices: entityList('Office'),
  organizations: entityList('Organization'),
  places: entityList('Place'),
  events: {
    ...datedList('Event', 'startDate'),
    filters: {
      ...datedList('Event', 'startDate').filters,
      status: STATUS,
      eventType: 'n.eventType = $f_eventType',
    },
  },
  meetings: {
    ...datedList('Meeting', 'date'),
    filters: { ...datedList('Meeting', 'date').filters, status: STATUS },
  },
  documents: {
    ...datedList('Document', 'date'),
    filters: {
      ...datedList('Document', 'date').filters,
      documentType: 'n.documentType = $f_documentType',
      signedBy: 'EXISTS { MATCH (s)-[:SIGNED]->(n) WHERE s.id = $f_signedBy }',
    },
  },
  infrastructureProjects: entityList('InfrastructureProject'),
  topics: entityList('Topic'),
  entities: {
    ...entityList('Entity'),
    filters: { ...ENTITY_FILTERS, kinds: 'n.kind IN $f_kinds' },
  },
  quotes: factList('Quote', "n.text + ' ' + coalesce(n.translationEn, '')"),
  claims: factList('Claim', 'n.summaryEn'),
  numericFacts: {
    ...factList('NumericFact', 'n.metric'),
    sorts: { ID: 'n.id', VALUE: 'n.value' },
    filters: {
      ...factList('NumericFact', 'n.metric').filters,
      dateFrom: 'coalesce(n.periodEnd, n.periodStart) >= date($f_dateFrom)',
      dateTo: 'coalesce(n.periodStart, n.periodEnd) <= date($f_dateTo)',
    },
  },
  articles: {
    label: 'Article',
    sorts: {
      PUBLISHED_AT: 'coalesce(n.publishedAt.epochMillis, -1)',
      TITLE: 'toLower(n.title)',
      ID: 'n.id',
    },
    defaultSort: 'PUBLISHED_AT',
    filters: {
      titleContains: 'toLower(n.title) CONTAINS toLower($f_titleContains)',
      relatedTo:
        'EXISTS { MATCH (n)-[:HAS_SENTENCE]->(:Sentence)-[:MENTIONS]->(e:Entity) WHERE e.id = $f_relatedTo }',
      dateFrom: 'date(n.publishedAt) >= date($f_dateFrom)',
      dateTo: 'date(n.publishedAt) <= date($f_dateTo)',
    },
  },
};

/** Filter values as the GraphQL input gives them (null/undefined: condition not applied). */
export type ListFilter = Partial<Record<FilterName, string | readonly string[] | null>>;

interface ListPageRequest {
  list: ListName;
  filter: ListFilter;
  sortField: string;
  descending: boolean;
  /** The page: its size (one more row is read, to learn whether more lie beyond it), cursors. */
  window: PageWindow;
  /** How much of each node to read (default: all of it). */
  projection?: NodeProjection;
}

function whereClause(
  spec: ListSpec,
  filter: ListFilter,
): { where: string[]; params: Record<string, unknown> } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(filter) as Array<
    [FilterName, ListFilter[FilterName]]
  >) {
    if (value === null || value === undefined) continue;
    const condition = spec.filters[name];
    if (!condition) throw new Error(`list filter "${name}" is not supported by ${spec.label}`);
    where.push(condition);
    params[`f_${name}`] = value;
  }
  return { where, params };
}

/** Throws when the sort field is not one the list supports (a resolver bug: the enum says which). */
function sortExpression(spec: ListSpec, field: string): string {
  const expr = spec.sorts[field];
  if (!expr) throw new Error(`sort field "${field}" is not supported by ${spec.label}`);
  return expr;
}

/** `n` sorts after (`>`) or before (`<`) the cursor whose key and id are `$<name>Key`, `$<name>Id`. */
const beyondCursor = (key: string, name: string, op: '>' | '<') =>
  keysetCondition([key, 'n.id'], [`$${name}Key`, `$${name}Id`], op);

/**
 * The statement of a page up to its collected rows: `rows` ([node, sortKey] in the list's
 * order), `ids`, and `beyond`: whether the list holds nodes on the far side of the cursor the
 * page starts from (before `after` going forward, after `before` going backward).
 */
function pageOf(request: ListPageRequest): {
  lines: string[];
  key: string;
  params: Record<string, unknown>;
} {
  const spec = LIST_SPECS[request.list];
  const key = sortExpression(spec, request.sortField);
  const { window } = request;
  const { where: filters, params } = whereClause(spec, request.filter);
  const later = request.descending ? '<' : '>';
  const earlier = request.descending ? '>' : '<';
  const where = [...filters];
  for (const [name, cursor, op] of [
    ['after', window.after, later],
    ['before', window.before, earlier],
  ] as const) {
    if (!cursor) continue;
    where.push(beyondCursor(key, name, op));
    params[`${name}Key`] = cursor.key;
    params[`${name}Id`] = cursor.id;
  }
  // A backward page reads the order reversed from its end, and is flipped back by the caller.
  const dir = request.descending !== window.backward ? 'DESC' : 'ASC';
  const sortOrder = spec.sortOrders?.[request.sortField];
  const order = !sortOrder
    ? [key]
    : sortOrder.presentWith.some((name) => request.filter[name] != null)
      ? [sortOrder.by]
      : [sortOrder.missingFirst, sortOrder.by];
  const from = window.backward ? 'before' : 'after';
  const beyond = (window.backward ? window.before : window.after)
    ? `EXISTS { MATCH (n:${spec.label}) WHERE ${[...filters, `NOT ${beyondCursor(key, from, window.backward ? earlier : later)}`].join(' AND ')} }`
    : 'false';
  const record = nodeRecordFor('n', request.projection ?? true);
  const lines = [
    `MATCH (n:${spec.label})`,
    where.length > 0 ? `WHERE ${where.join('\n  AND ')}` : '',
    `WITH n ORDER BY ${order.map((expr) => `${expr} ${dir}`).join(', ')}, n.id ${dir}`,
    'LIMIT $limit',
    // collect keeps the order the rows come in: the page's.
    `WITH collect([${record}, ${key}]) AS rows, collect(n.id) AS ids`,
    `WITH rows, ids, ${beyond} AS beyond`,
  ].filter(Boolean);
  return { lines, key, params: { ...params, limit: int(window.size + 1) } };
}

/**
 * One page: one row, `rows` (a [WireNode, sortKey] list, in reading order: reversed for a
 * backward page) and `beyond` (see pageOf).
 */
export function listPage(request: ListPageRequest): CypherQuery {
  const { lines, params } = pageOf(request);
  return { cypher: [...lines, 'RETURN rows, beyond'].join('\n'), params };
}

/**
 * listPage with, in the same statement, the relations `trees` asks of the page's nodes (the
 * extra row only tells whether more lie beyond): a list field's look-ahead, without a round trip
 * of its own. One row: `rows`, `beyond` and, as prefetchRelated, `anchors` and `nodes`.
 */
export function listPageWithRelated(
  request: ListPageRequest,
  trees: readonly PrefetchTree[],
): CypherQuery {
  const { lines, params } = pageOf(request);
  const related = relatedFromIds('pageIds', trees);
  return {
    cypher: [
      ...lines,
      'WITH rows, beyond, ids[0..$pageSize] AS pageIds',
      ...related.calls,
      'RETURN rows, beyond,',
      ...related.returns,
    ].join('\n'),
    params: { ...params, ...related.params, pageSize: int(request.window.size) },
  };
}

/** How many nodes the filter keeps (the connection's `totalCount`). */
export function listCount(list: ListName, filter: ListFilter): CypherQuery {
  const spec = LIST_SPECS[list];
  const { where, params } = whereClause(spec, filter);
  return {
    cypher: [
      `MATCH (n:${spec.label})`,
      where.length > 0 ? `WHERE ${where.join('\n  AND ')}` : '',
      'RETURN count(n) AS total',
    ]
      .filter(Boolean)
      .join('\n'),
    params,
  };
}
