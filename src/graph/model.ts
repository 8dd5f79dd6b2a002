/**
 * The API's model of the graph: plain objects read from Neo4j (docs/graph-model.md), with
 * Neo4j temporal values as ISO-8601 strings and integers as numbers. These are the codegen
 * "mappers": resolvers receive them as parents, so every resolver is typed end to end.
 */
import { ENTITY_KIND_LABELS } from './schema.js';
import type { SearchMatchKind } from './search.js';

/** GraphQL object type names of the entity kinds (equal to their Neo4j kind labels). */
export const ENTITY_TYPE_NAMES = ENTITY_KIND_LABELS;
export type EntityTypeName = (typeof ENTITY_TYPE_NAMES)[number];

export interface EntityModel {
  __typename: EntityTypeName;
  id: string;
  nameKk: string;
  nameRu: string;
  nameEn: string;
  aliases: string[];
  forms: string[];
  description: string | null;
  wikidataId: string | null;
  // Kind-specific properties (null when the kind has none).
  iso3166Alpha2: string | null;
  iso3166Alpha3: string | null;
  organizationType: string | null;
  placeType: string | null;
  eventType: string | null;
  startDate: string | null;
  endDate: string | null;
  date: string | null;
  meetingType: string | null;
  status: string | null;
  documentType: string | null;
  number: string | null;
  projectType: string | null;
  topicType: string | null;
  // The evidence of a dated property or status, when the article declaring the entity gives it.
  dateEvidence: string[];
  dateSentenceIds: string[];
  startDateEvidence: string[];
  startDateSentenceIds: string[];
  endDateEvidence: string[];
  endDateSentenceIds: string[];
  statusEvidence: string[];
  statusSentenceIds: string[];
}

export interface ArticleModel {
  __typename: 'Article';
  id: string;
  title: string;
  language: string;
  publishedAt: string | null;
  sourceName: string | null;
  url: string | null;
  text: string;
  contentHash: string | null;
}

export interface SentenceModel {
  __typename: 'Sentence';
  id: string;
  articleId: string;
  index: number;
  start: number;
  end: number;
  text: string;
}

interface FactBase {
  id: string;
  articleId: string;
}

export interface QuoteModel extends FactBase {
  __typename: 'Quote';
  text: string;
  language: string;
  translationEn: string | null;
  translationNote: string | null;
  start: number;
  end: number;
}

export interface ClaimModel extends FactBase {
  __typename: 'Claim';
  claimType: string;
  summaryEn: string;
  excerpts: string[];
}

export interface NumericFactModel extends FactBase {
  __typename: 'NumericFact';
  metric: string;
  value: number;
  unit: string;
  currency: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  periodLabel: string | null;
  change: string;
  isChange: boolean;
  qualifiers: string[];
  surfaceText: string | null;
  excerpts: string[];
}

export type FactModel = QuoteModel | ClaimModel | NumericFactModel;
export type NodeModel = EntityModel | ArticleModel | SentenceModel | FactModel;

/** A relationship as read: its type, its ends' ids and its properties (plain values). */
export interface RelationshipModel {
  elementId: string;
  type: string;
  sourceId: string;
  targetId: string;
  props: Record<string, PlainValue>;
}

export type PlainValue = string | number | boolean | null | PlainValue[];

/**
 * One article's statement of a fact relationship: the provenance each of the parallel
 * relationships of an edge carries (docs/graph-model.md).
 */
export interface FactStatementModel {
  factId: string;
  articleId: string;
  sentenceIds: string[];
  excerpts: string[];
  /** The statement's qualifiers in time, each with its own evidence (null: not stated). */
  startDate: DatedModel | null;
  endDate: DatedModel | null;
  pointInTime: DatedModel | null;
}

/** A date a statement gives, with the sentences and excerpts that state it. */
export interface DatedModel {
  date: string;
  sentenceIds: string[];
  excerpts: string[];
}

/** A fact relationship item: one edge, with the statements of every article that states it. */
interface FactRelationshipModel {
  statements: FactStatementModel[];
}

/** One evidence sentence of a fact: resolved lazily through the node loader. */
export interface EvidenceModel {
  sentenceId: string;
  /** Excerpts of the fact; the resolver keeps those lying in this sentence. */
  excerpts: string[];
  /** For a quote: its code point span in the article; the resolver cuts it to the sentence. */
  span?: { start: number; end: number };
}

export interface OfficeHoldingModel extends FactRelationshipModel {
  person: EntityModel;
  office: EntityModel;
  asOf: string | null;
  /** The earliest date a statement says it was held on (asOf): known held since then at least. */
  firstAsOf: string | null;
  /** The earliest start any statement gives; the latest end. */
  from: string | null;
  until: string | null;
  /** Held as of the latest article that states it. */
  current: boolean;
  acting: boolean;
}

/** A `PARTICIPATED_IN` relationship's qualifiers, whatever the participant and the happening. */
interface ParticipationModel extends FactRelationshipModel {
  /** A person, an organization or a country. */
  participant: EntityModel;
  officeId: string | null;
  countryId: string | null;
  /** The seed format's participant role; `PARTICIPANT` when no statement gives one. */
  role: string;
}

export interface MeetingParticipationModel extends ParticipationModel {
  __typename: 'MeetingParticipation';
  /** The participant when it is a person (the field before organizations could take part). */
  person: EntityModel | null;
  meeting: EntityModel;
}

export interface EventParticipationModel extends ParticipationModel {
  __typename: 'EventParticipation';
  event: EntityModel;
}

export interface DiscussionModel extends FactRelationshipModel {
  meeting: EntityModel;
  subject: EntityModel;
  framing: string | null;
  raisedById: string | null;
}

export interface SignatureModel extends FactRelationshipModel {
  __typename: 'Signature';
  signer: EntityModel;
  document: EntityModel;
  officeId: string | null;
  countryId: string | null;
  date: string | null;
}

/** An APPOINTED, NOMINATED or DISMISSED relationship (`action`). */
export interface AppointmentModel extends FactRelationshipModel {
  __typename: 'Appointment';
  action: 'APPOINTED' | 'NOMINATED' | 'DISMISSED';
  by: EntityModel;
  person: EntityModel;
  officeId: string | null;
  date: string | null;
}

/**
 * The GraphQL types of a related node with its provenance, one per kind of node so that the
 * item's `node` is typed (`Meeting.heldInFacts` → PlaceLink).
 */
export const LINK_TYPE_NAMES = [
  'PlaceLink',
  'CountryLink',
  'EventLink',
  'MeetingLink',
  'OrganizationLink',
  'OfficeLink',
  'DocumentLink',
  'PersonLink',
  'EntityLink',
] as const;
export type LinkTypeName = (typeof LINK_TYPE_NAMES)[number];

/** A related node with the statements of the relationship leading to it (PlaceLink, …). */
export interface LinkModel extends FactRelationshipModel {
  /** The item's GraphQL type, from the field it answers. */
  __typename: LinkTypeName;
  node: EntityModel;
}

/** A status an article gives an entity it declares, with its evidence. */
export interface StatusModel {
  status: string;
  sentenceIds: string[];
  excerpts: string[];
}

export interface MentionModel {
  entity: EntityModel;
  forms: string[];
  count: number;
}

export interface MentionEdgeModel {
  cursor: string;
  node: SentenceModel;
  forms: string[];
  count: number;
}

export interface PageInfoModel {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

/** A page of a connection; `totalCount` runs its count query only when the field is selected. */
export interface ConnectionModel<TNode> {
  edges: Array<{ cursor: string; node: TNode }>;
  pageInfo: PageInfoModel;
  totalCount: () => Promise<number>;
}

export interface MentionConnectionModel {
  edges: MentionEdgeModel[];
  pageInfo: PageInfoModel;
  totalCount: () => Promise<number>;
}

export interface SearchHitModel {
  entity: EntityModel;
  score: number;
  matchKind: SearchMatchKind;
  /** The query as asked: `matchedName` is worked out from it only when selected. */
  query: string;
}

export interface PathModel {
  nodes: NodeModel[];
  relationships: RelationshipModel[];
}

export interface SubgraphModel {
  center: NodeModel;
  nodes: NodeModel[];
  edges: RelationshipModel[];
}

export interface PeriodModel {
  start: string | null;
  end: string | null;
  label: string | null;
}

interface EdgeModel<TNode> {
  cursor: string;
  node: TNode;
}

// Named instances for the codegen mappers (codegen.ts), one per connection type.
export type EntityConnectionModel = ConnectionModel<EntityModel>;
export type EntityEdgeModel = EdgeModel<EntityModel>;
export type QuoteConnectionModel = ConnectionModel<QuoteModel>;
export type QuoteEdgeModel = EdgeModel<QuoteModel>;
export type ClaimConnectionModel = ConnectionModel<ClaimModel>;
export type ClaimEdgeModel = EdgeModel<ClaimModel>;
export type NumericFactConnectionModel = ConnectionModel<NumericFactModel>;
export type NumericFactEdgeModel = EdgeModel<NumericFactModel>;
export type ArticleConnectionModel = ConnectionModel<ArticleModel>;
export type ArticleEdgeModel = EdgeModel<ArticleModel>;
export type FactConnectionModel = ConnectionModel<FactModel>;
export type FactEdgeModel = EdgeModel<FactModel>;
export type SentenceConnectionModel = ConnectionModel<SentenceModel>;
export type SentenceEdgeModel = EdgeModel<SentenceModel>;
export type DiscussionConnectionModel = ConnectionModel<DiscussionModel>;
export type DiscussionEdgeModel = EdgeModel<DiscussionModel>;
export type MeetingParticipationConnectionModel = ConnectionModel<MeetingParticipationModel>;
export type MeetingParticipationEdgeModel = EdgeModel<MeetingParticipationModel>;
export type SignatureConnectionModel = ConnectionModel<SignatureModel>;
export type SignatureEdgeModel = EdgeModel<SignatureModel>;
export type LinkConnectionModel = ConnectionModel<LinkModel>;
export type LinkEdgeModel = EdgeModel<LinkModel>;
export type EventParticipationConnectionModel = ConnectionModel<EventParticipationModel>;
export type EventParticipationEdgeModel = EdgeModel<EventParticipationModel>;
