/**
 * Neo4j driver values → the plain model of model.ts. Temporal values become ISO-8601 strings
 * (a DATETIME keeps its offset), integers become numbers.
 */
import neo4j, { type Node as Neo4jNode, type Relationship } from 'neo4j-driver';
import {
  ENTITY_TYPE_NAMES,
  type EntityModel,
  type EntityTypeName,
  type NodeModel,
  type PlainValue,
  type RelationshipModel,
} from './model.js';
import { FACT_NODE_LABELS, PROVENANCE_LABELS } from './schema.js';

/** Converts any value a query returns (except nodes and relationships) to a plain value. */
export function toPlain(value: unknown): PlainValue {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) return value.toNumber();
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  if (Array.isArray(value)) return value.map(toPlain);
  if (
    neo4j.isDate(value) ||
    neo4j.isDateTime(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isDuration(value)
  ) {
    return value.toString();
  }
  throw new Error(
    `toPlain: unsupported value from Neo4j: ${Object.prototype.toString.call(value)}`,
  );
}

export function plainProps(props: Record<string, unknown>): Record<string, PlainValue> {
  const out: Record<string, PlainValue> = {};
  for (const [key, value] of Object.entries(props)) out[key] = toPlain(value);
  return out;
}

/** A property as a string; null when unset. */
export function propString(props: Record<string, PlainValue>, key: string): string | null {
  const v = props[key];
  return v === null || v === undefined ? null : String(v);
}

function reqStr(props: Record<string, PlainValue>, key: string): string {
  return propString(props, key) ?? '';
}

function num(props: Record<string, PlainValue>, key: string): number {
  const v = props[key];
  return typeof v === 'number' ? v : Number(v ?? 0);
}

/** A list property as strings; [] when unset. */
export function propStrings(props: Record<string, PlainValue>, key: string): string[] {
  const v = props[key];
  return Array.isArray(v) ? v.map(String) : [];
}

// A Set: asked for every end of every item of a big answer (thousands of times a request).
const ENTITY_TYPES: ReadonlySet<string> = new Set(ENTITY_TYPE_NAMES);

function isEntityType(label: string): label is EntityTypeName {
  return ENTITY_TYPES.has(label);
}

/** Labels that are their node's GraphQL type, besides the entity kinds. */
const OTHER_TYPE_LABELS: ReadonlySet<string> = new Set([...PROVENANCE_LABELS, ...FACT_NODE_LABELS]);

const isOtherTypeLabel = (
  label: string,
): label is Exclude<NodeModel['__typename'], EntityTypeName> => OTHER_TYPE_LABELS.has(label);

/** The GraphQL type of a node, from its labels; null for nodes the API does not model. */
export function typeNameOf(labels: readonly string[]): NodeModel['__typename'] | null {
  for (const label of labels) {
    if (isEntityType(label) || isOtherTypeLabel(label)) return label;
  }
  return null;
}

/** What toNodeModel reads of a node: a driver Node, or a WireNode's labels and map (nodes.ts). */
export interface NodeRecord {
  labels: readonly string[];
  properties: Record<string, unknown>;
}

/** A Neo4j node → its model. Throws on nodes without a kind label the API knows. */
export function toNodeModel(node: NodeRecord | Neo4jNode): NodeModel {
  const typeName = typeNameOf(node.labels);
  if (!typeName) throw new Error(`toNodeModel: unknown labels ${node.labels.join(':')}`);
  const p = plainProps(node.properties as Record<string, unknown>);
  const id = reqStr(p, 'id');
  switch (typeName) {
    case 'Article':
      return {
        __typename: 'Article',
        id,
        title: reqStr(p, 'title'),
        language: reqStr(p, 'language'),
        publishedAt: propString(p, 'publishedAt'),
        sourceName: propString(p, 'sourceName'),
        url: propString(p, 'url'),
        text: reqStr(p, 'text'),
        contentHash: propString(p, 'contentHash'),
      };
    case 'Sentence':
      return {
        __typename: 'Sentence',
        id,
        articleId: reqStr(p, 'articleId'),
        index: num(p, 'index'),
        start: num(p, 'start'),
        end: num(p, 'end'),
        text: reqStr(p, 'text'),
      };
    case 'Quote':
      return {
        __typename: 'Quote',
        id,
        articleId: reqStr(p, 'articleId'),
        text: reqStr(p, 'text'),
        language: reqStr(p, 'language'),
        translationEn: propString(p, 'translationEn'),
        translationNote: propString(p, 'translationNote'),
        start: num(p, 'start'),
        end: num(p, 'end'),
      };
    case 'Claim':
      return {
        __typename: 'Claim',
        id,
        articleId: reqStr(p, 'articleId'),
        claimType: reqStr(p, 'claimType'),
        summaryEn: reqStr(p, 'summaryEn'),
        excerpts: propStrings(p, 'evidence'),
      };
    case 'NumericFact':
      return {
        __typename: 'NumericFact',
        id,
        articleId: reqStr(p, 'articleId'),
        metric: reqStr(p, 'metric'),
        value: num(p, 'value'),
        unit: reqStr(p, 'unit'),
        currency: propString(p, 'currency'),
        periodStart: propString(p, 'periodStart'),
        periodEnd: propString(p, 'periodEnd'),
        periodLabel: propString(p, 'periodLabel'),
        change: propString(p, 'change') ?? 'NONE',
        isChange: p.isChange === true,
        qualifiers: propStrings(p, 'qualifiers'),
        surfaceText: propString(p, 'surfaceText'),
        excerpts: propStrings(p, 'evidence'),
      };
    default:
      return toEntityModel(typeName, id, p);
  }
}

function toEntityModel(
  typeName: EntityTypeName,
  id: string,
  p: Record<string, PlainValue>,
): EntityModel {
  return {
    __typename: typeName,
    id,
    nameKk: reqStr(p, 'nameKk'),
    nameRu: reqStr(p, 'nameRu'),
    nameEn: reqStr(p, 'nameEn'),
    aliases: propStrings(p, 'aliases'),
    forms: propStrings(p, 'forms'),
    description: propString(p, 'description'),
    wikidataId: propString(p, 'wikidataId'),
    iso3166Alpha2: propString(p, 'iso3166Alpha2'),
    iso3166Alpha3: propString(p, 'iso3166Alpha3'),
    organizationType: propString(p, 'organizationType'),
    placeType: propString(p, 'placeType'),
    eventType: propString(p, 'eventType'),
    startDate: propString(p, 'startDate'),
    endDate: propString(p, 'endDate'),
    date: propString(p, 'date'),
    meetingType: propString(p, 'meetingType'),
    status: propString(p, 'status'),
    documentType: propString(p, 'documentType'),
    number: propString(p, 'number'),
    projectType: propString(p, 'projectType'),
    topicType: propString(p, 'topicType'),
    dateEvidence: propStrings(p, 'dateEvidence'),
    dateSentenceIds: propStrings(p, 'dateSentenceIds'),
    startDateEvidence: propStrings(p, 'startDateEvidence'),
    startDateSentenceIds: propStrings(p, 'startDateSentenceIds'),
    endDateEvidence: propStrings(p, 'endDateEvidence'),
    endDateSentenceIds: propStrings(p, 'endDateSentenceIds'),
    statusEvidence: propStrings(p, 'statusEvidence'),
    statusSentenceIds: propStrings(p, 'statusSentenceIds'),
  };
}

export function isEntityModel(node: NodeModel): node is EntityModel {
  return isEntityType(node.__typename);
}

/** A relationship returned with its ends' ids. */
export function toRelationshipModel(
  rel: Relationship,
  sourceId: string,
  targetId: string,
): RelationshipModel {
  return {
    elementId: rel.elementId,
    type: rel.type,
    sourceId,
    targetId,
    props: plainProps(rel.properties as Record<string, unknown>),
  };
}
