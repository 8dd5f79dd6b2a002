/**
 * Relationship navigation, batched: for many anchor nodes at once, the related nodes along one
 * relation field of the schema, with the relationship itself (its qualifiers and provenance).
 *
 * The graph keeps one relationship per article that states an edge (docs/graph-model.md); a
 * relation returns one item per distinct edge, carrying all of them (its statements).
 */
import { int } from 'neo4j-driver';
import type { CypherQuery } from './cypher.js';
import { keysetCondition, type PageWindow, type SortValue } from './cursor.js';
import { matchNodesByIds, nodeRecordFor, type NodeProjection } from './nodes.js';
import { FACT_NODE_LABELS, type IdLookupLabel } from './schema.js';

/**
 * Which way a relationship points, seen from the node before the related one (the anchor, the
 * last node of `through`, or the `far` end): `out` is `(before)-[r]->(b)`.
 */
type Direction = 'out' | 'in';

/** One step of a path from the anchor towards the related node. */
interface Hop {
  rel: string;
  dir: Direction;
  node: string;
}

/**
 * What a relation field's items are when they are not the related nodes themselves: the API
 * builds each kind from the relationship's ends and properties (api/relation-fields.ts).
 */
export type ItemKind =
  | 'holding'
  | 'participation'
  | 'eventParticipation'
  | 'discussion'
  | 'signature'
  | 'appointment'
  | 'link'
  | 'mention'
  | 'evidence';

/**
 * One relation field, as graph facts. The related node `b` is reached from the anchor by ONE of:
 * - `rel` + `dir`: a relationship touching the anchor (`through` hops first, when the
 *   relationship is further along a path: its ends are then read from the graph; `throughAny`
 *   when several paths lead there, e.g. an office of a country's government or of the country);
 * - `rel` + `dir` + `far`: a relationship that does not touch the anchor, found by its property
 *   `far.relProperty` equal to the anchor's id, between `b` and a `far.label` node;
 * - `nodeProperty`: no relationship; `b`'s property equals the anchor's id.
 */
export interface RelationSpec {
  /** Label(s) of the related node, e.g. `Person` or `Topic|InfrastructureProject`. */
  node: string;
  rel?: string;
  dir?: Direction;
  through?: readonly Hop[];
  /** Alternative paths (each as `through`) to the node before `rel`; all end on one label. */
  throughAny?: readonly (readonly Hop[])[];
  far?: { label: string; relProperty: string };
  nodeProperty?: string;
  /** Label(s) of the anchor when not the type of the key (an interface without a label: Fact). */
  anchor?: string;
  /** Properties of `b` the items sort by (stable: ends on an id); default `['id']`. */
  order?: readonly string[];
  /**
   * A relationship property that, besides its ends, tells parallel relationships apart as
   * separate items (the framing of a discussion); the items sort by it last.
   */
  qualifier?: string;
  /** The qualifier's value when a relationship lacks it (`acting` unset: not acting). */
  qualifierDefault?: boolean;
  /** The kind of the field's items; absent: the items are the related nodes. */
  item?: ItemKind;
}

const FACT_LABELS = FACT_NODE_LABELS.join('|');

/** An acting spell in an office is an item of its own, not merged with the holding proper. */
const ACTING_APART = { qualifier: 'acting', qualifierDefault: false } as const;

/**
 * A relation field and its evidence twin, from one spec: `Type.field` answers the related nodes,
 * `Type.field` + `suffix` (`Facts` for a list field, `Fact` for a single one, as the SDL names
 * them) the same relationship as links with each article's statements and evidence.
 */
function withEvidence<
  const Key extends string,
  const Suffix extends 'Fact' | 'Facts',
  const Spec extends RelationSpec,
>(key: Key, suffix: Suffix, spec: Spec): WithEvidence<Key, Suffix, Spec> {
  return { [key]: spec, [`${key}${suffix}`]: { ...spec, item: 'link' } } as WithEvidence<
    Key,
    Suffix,
    Spec
  >;
}

type WithEvidence<Key extends string, Suffix extends string, Spec> = Record<Key, Spec> &
  Record<`${Key}${Suffix}`, Spec & { item: 'link' }>;

/**
 * THE registry of the schema's relation fields: `Type.field` (an object type's field, or an
 * interface's, which every implementing type inherits) → how the graph answers it. The
 * look-ahead, the node projections and the resolvers are derived from it
 * (api/relation-fields.ts, api/resolvers/relations.ts); tests/unit/api/relations.test.ts holds
 * it and the SDL against each other both ways.
 *
 * To add a relation field: declare the field in schema/*.graphql and add ONE entry here, e.g.
 * `'Person.mentors': { rel: 'MENTORS', dir: 'out', node: 'Person' }`, or with its evidence twin
 * `mentorsFacts`, `...withEvidence('Person.mentors', 'Facts', { rel: 'MENTORS', … })`. Its
 * resolver, look-ahead and projection follow. Only a new kind of item (a relationship with its
 * own GraphQL type, like OfficeHolding) also needs its ItemKind, its fields in
 * api/relation-fields.ts and a builder in api/resolvers/relations.ts.
 */
export const RELATION_SPECS = {
  // Any entity, any fact
  'Entity.statementsAbout': { rel: 'ABOUT', dir: 'in', node: FACT_LABELS },
  'Fact.about': { anchor: FACT_LABELS, rel: 'ABOUT', dir: 'out', node: 'Entity' },
  'Fact.evidence': {
    anchor: FACT_LABELS,
    rel: 'EVIDENCED_BY',
    dir: 'out',
    node: 'Sentence',
    order: ['index', 'id'],
    item: 'evidence',
  },
  // Person
  'Person.offices': {
    rel: 'HOLDS_OFFICE',
    dir: 'out',
    node: 'Office',
    ...ACTING_APART,
    item: 'holding',
  },
  'Person.meetings': {
    rel: 'PARTICIPATED_IN',
    dir: 'out',
    node: 'Meeting',
    order: ['date', 'id'],
    item: 'participation',
  },
  'Person.events': {
    rel: 'PARTICIPATED_IN',
    dir: 'out',
    node: 'Event',
    order: ['startDate', 'id'],
    item: 'eventParticipation',
  },
  'Person.quotes': { rel: 'SAID', dir: 'out', node: 'Quote', order: ['articleId', 'start', 'id'] },
  'Person.claims': { rel: 'MADE_CLAIM', dir: 'out', node: 'Claim' },
  'Person.statedFigures': { rel: 'STATED', dir: 'out', node: 'NumericFact' },
  'Person.signed': { rel: 'SIGNED', dir: 'out', node: 'Document', order: ['date', 'id'] },
  'Person.signatures': {
    rel: 'SIGNED',
    dir: 'out',
    node: 'Document',
    order: ['date', 'id'],
    item: 'signature',
  },
  'Person.appointedBy': { rel: 'APPOINTED', dir: 'in', node: 'Entity' },
  'Person.appointments': { rel: 'APPOINTED', dir: 'in', node: 'Entity', item: 'appointment' },
  'Person.nominatedBy': { rel: 'NOMINATED', dir: 'in', node: 'Entity' },
  'Person.nominations': { rel: 'NOMINATED', dir: 'in', node: 'Entity', item: 'appointment' },
  'Person.dismissals': { rel: 'DISMISSED', dir: 'in', node: 'Entity', item: 'appointment' },
  // Office
  'Office.holders': {
    rel: 'HOLDS_OFFICE',
    dir: 'in',
    node: 'Person',
    ...ACTING_APART,
    item: 'holding',
  },
  ...withEvidence('Office.organization', 'Fact', {
    rel: 'OFFICE_IN',
    dir: 'out',
    node: 'Organization',
  }),
  ...withEvidence('Office.country', 'Fact', { rel: 'OFFICE_OF', dir: 'out', node: 'Country' }),
  ...withEvidence('Country.offices', 'Facts', { rel: 'OFFICE_OF', dir: 'in', node: 'Office' }),
  'Country.signatures': {
    rel: 'SIGNED',
    dir: 'out',
    node: 'Document',
    order: ['date', 'id'],
    item: 'signature',
  },
  // Document
  'Document.signedBy': { rel: 'SIGNED', dir: 'in', node: 'Entity' },
  'Document.signatures': { rel: 'SIGNED', dir: 'in', node: 'Entity', item: 'signature' },
  ...withEvidence('Document.signedAt', 'Facts', { rel: 'SIGNED_AT', dir: 'out', node: 'Entity' }),
  'Document.appointed': { rel: 'APPOINTED', dir: 'out', node: 'Person' },
  'Document.appointments': { rel: 'APPOINTED', dir: 'out', node: 'Person', item: 'appointment' },
  'Document.nominations': { rel: 'NOMINATED', dir: 'out', node: 'Person', item: 'appointment' },
  'Document.dismissals': { rel: 'DISMISSED', dir: 'out', node: 'Person', item: 'appointment' },
  ...withEvidence('Document.about', 'Facts', { rel: 'ABOUT', dir: 'out', node: 'Entity' }),
  'Organization.signed': { rel: 'SIGNED', dir: 'out', node: 'Document', order: ['date', 'id'] },
  'Organization.signatures': {
    rel: 'SIGNED',
    dir: 'out',
    node: 'Document',
    order: ['date', 'id'],
    item: 'signature',
  },
  // Organization
  'Organization.meetings': {
    rel: 'PARTICIPATED_IN',
    dir: 'out',
    node: 'Meeting',
    order: ['date', 'id'],
    item: 'participation',
  },
  'Organization.events': {
    rel: 'PARTICIPATED_IN',
    dir: 'out',
    node: 'Event',
    order: ['startDate', 'id'],
    item: 'eventParticipation',
  },
  ...withEvidence('Organization.governmentOf', 'Fact', {
    rel: 'GOVERNMENT_OF',
    dir: 'out',
    node: 'Country',
  }),
  ...withEvidence('Organization.partOf', 'Fact', {
    rel: 'PART_OF',
    dir: 'out',
    node: 'Organization',
  }),
  ...withEvidence('Organization.parts', 'Facts', {
    rel: 'PART_OF',
    dir: 'in',
    node: 'Organization',
  }),
  ...withEvidence('Organization.offices', 'Facts', { rel: 'OFFICE_IN', dir: 'in', node: 'Office' }),
  ...withEvidence('Organization.reportedMeetings', 'Facts', {
    rel: 'REPORTED_BY',
    dir: 'in',
    node: 'Meeting',
    order: ['date', 'id'],
  }),
  ...withEvidence('Organization.sessions', 'Facts', {
    rel: 'SESSION_OF',
    dir: 'in',
    node: 'Event',
    order: ['startDate', 'id'],
  }),
  'Organization.sourcedArticles': {
    rel: 'SOURCED_FROM',
    dir: 'in',
    node: 'Article',
    order: ['publishedAt', 'id'],
  },
  // Country
  ...withEvidence('Country.governments', 'Facts', {
    rel: 'GOVERNMENT_OF',
    dir: 'in',
    node: 'Organization',
  }),
  'Country.officials': {
    // An office of the country's government, or of the country itself (its President).
    throughAny: [
      [
        { rel: 'GOVERNMENT_OF', dir: 'in', node: 'Organization' },
        { rel: 'OFFICE_IN', dir: 'in', node: 'Office' },
      ],
      [{ rel: 'OFFICE_OF', dir: 'in', node: 'Office' }],
    ],
    rel: 'HOLDS_OFFICE',
    dir: 'in',
    node: 'Person',
    ...ACTING_APART,
    item: 'holding',
  },
  'Country.representedAt': {
    far: { label: 'Meeting', relProperty: 'countryId' },
    rel: 'PARTICIPATED_IN',
    dir: 'in',
    node: 'Entity',
    item: 'participation',
  },
  'Country.representedAtEvents': {
    far: { label: 'Event', relProperty: 'countryId' },
    rel: 'PARTICIPATED_IN',
    dir: 'in',
    node: 'Entity',
    item: 'eventParticipation',
  },
  // The country itself taking part, as a party (a member state at a summit).
  'Country.meetings': {
    rel: 'PARTICIPATED_IN',
    dir: 'out',
    node: 'Meeting',
    order: ['date', 'id'],
    item: 'participation',
  },
  'Country.events': {
    rel: 'PARTICIPATED_IN',
    dir: 'out',
    node: 'Event',
    order: ['startDate', 'id'],
    item: 'eventParticipation',
  },
  ...withEvidence('Country.places', 'Facts', { rel: 'LOCATED_IN', dir: 'in', node: 'Place' }),
  // Place
  ...withEvidence('Place.locatedIn', 'Facts', { rel: 'LOCATED_IN', dir: 'out', node: 'Entity' }),
  ...withEvidence('Place.places', 'Facts', { rel: 'LOCATED_IN', dir: 'in', node: 'Place' }),
  ...withEvidence('Place.events', 'Facts', {
    rel: 'HELD_IN',
    dir: 'in',
    node: 'Event',
    order: ['startDate', 'id'],
  }),
  ...withEvidence('Place.meetings', 'Facts', {
    rel: 'HELD_IN',
    dir: 'in',
    node: 'Meeting',
    order: ['date', 'id'],
  }),
  // Event
  ...withEvidence('Event.heldIn', 'Facts', { rel: 'HELD_IN', dir: 'out', node: 'Place' }),
  ...withEvidence('Event.hostCountry', 'Fact', { rel: 'HELD_IN', dir: 'out', node: 'Country' }),
  ...withEvidence('Event.during', 'Fact', { rel: 'DURING', dir: 'out', node: 'Event' }),
  ...withEvidence('Event.partOf', 'Fact', { rel: 'PART_OF', dir: 'out', node: 'Event' }),
  ...withEvidence('Event.parts', 'Facts', {
    rel: 'PART_OF',
    dir: 'in',
    node: 'Event',
    order: ['startDate', 'id'],
  }),
  ...withEvidence('Event.meetingsDuring', 'Facts', {
    rel: 'DURING',
    dir: 'in',
    node: 'Meeting',
    order: ['date', 'id'],
  }),
  ...withEvidence('Event.eventsDuring', 'Facts', {
    rel: 'DURING',
    dir: 'in',
    node: 'Event',
    order: ['startDate', 'id'],
  }),
  ...withEvidence('Event.sessionOf', 'Fact', {
    rel: 'SESSION_OF',
    dir: 'out',
    node: 'Organization',
  }),
  ...withEvidence('Event.sideMeetings', 'Facts', {
    rel: 'ON_SIDELINES_OF',
    dir: 'in',
    node: 'Meeting',
    order: ['date', 'id'],
  }),
  'Event.participants': {
    rel: 'PARTICIPATED_IN',
    dir: 'in',
    node: 'Entity',
    item: 'eventParticipation',
  },
  // Meeting
  'Meeting.participants': {
    rel: 'PARTICIPATED_IN',
    dir: 'in',
    node: 'Entity',
    item: 'participation',
  },
  ...withEvidence('Meeting.heldIn', 'Facts', { rel: 'HELD_IN', dir: 'out', node: 'Place' }),
  ...withEvidence('Meeting.during', 'Fact', { rel: 'DURING', dir: 'out', node: 'Event' }),
  ...withEvidence('Meeting.signedDocuments', 'Facts', {
    rel: 'SIGNED_AT',
    dir: 'in',
    node: 'Document',
  }),
  ...withEvidence('Meeting.onSidelinesOf', 'Fact', {
    rel: 'ON_SIDELINES_OF',
    dir: 'out',
    node: 'Event',
  }),
  ...withEvidence('Meeting.reportedBy', 'Facts', {
    rel: 'REPORTED_BY',
    dir: 'out',
    node: 'Organization',
  }),
  'Meeting.discussed': {
    rel: 'DISCUSSED',
    dir: 'out',
    node: 'Topic|InfrastructureProject',
    qualifier: 'framing',
    item: 'discussion',
  },
  'Meeting.quotes': {
    rel: 'SAID_AT',
    dir: 'in',
    node: 'Quote',
    order: ['articleId', 'start', 'id'],
  },
  'Meeting.claims': { rel: 'MADE_AT', dir: 'in', node: 'Claim' },
  // Topic and InfrastructureProject
  'InfrastructureProject.discussedAt': {
    rel: 'DISCUSSED',
    dir: 'in',
    node: 'Meeting',
    order: ['date', 'id'],
    qualifier: 'framing',
    item: 'discussion',
  },
  'Topic.discussedAt': {
    rel: 'DISCUSSED',
    dir: 'in',
    node: 'Meeting',
    order: ['date', 'id'],
    qualifier: 'framing',
    item: 'discussion',
  },
  ...withEvidence('Topic.about', 'Facts', { rel: 'ABOUT', dir: 'out', node: 'Entity' }),
  // Facts
  'Quote.speaker': { rel: 'SAID', dir: 'in', node: 'Person' },
  'Quote.meeting': { rel: 'SAID_AT', dir: 'out', node: 'Meeting' },
  'Quote.claims': { rel: 'CONTAINS', dir: 'out', node: 'Claim' },
  'Quote.figures': { rel: 'CONTAINS', dir: 'out', node: 'NumericFact' },
  'Claim.madeBy': { rel: 'MADE_CLAIM', dir: 'in', node: 'Person' },
  'Claim.madeAt': { rel: 'MADE_AT', dir: 'out', node: 'Meeting' },
  'Claim.quote': { rel: 'CONTAINS', dir: 'in', node: 'Quote' },
  'NumericFact.statedBy': { rel: 'STATED', dir: 'in', node: 'Person' },
  'NumericFact.quote': { rel: 'CONTAINS', dir: 'in', node: 'Quote' },
  // Articles and sentences
  'Article.source': { rel: 'SOURCED_FROM', dir: 'out', node: 'Organization' },
  'Article.sentences': { rel: 'HAS_SENTENCE', dir: 'out', node: 'Sentence', order: ['index'] },
  'Article.quotes': { nodeProperty: 'articleId', node: 'Quote', order: ['start', 'id'] },
  'Article.claims': { nodeProperty: 'articleId', node: 'Claim' },
  'Article.numericFacts': { nodeProperty: 'articleId', node: 'NumericFact' },
  'Sentence.mentions': { rel: 'MENTIONS', dir: 'out', node: 'Entity', item: 'mention' },
  'Sentence.facts': { rel: 'EVIDENCED_BY', dir: 'in', node: FACT_LABELS },
} as const satisfies Record<string, RelationSpec>;

export type RelationName = keyof typeof RELATION_SPECS;

/**
 * Where a relation's item ends are: `from-anchor` (anchor → related node), `to-anchor`
 * (related node → anchor), `via-path` (a relationship that does not touch the anchor: its ends
 * are read from the graph), `none` (relations by a property, without a relationship).
 */
export type RelationEnds = 'from-anchor' | 'to-anchor' | 'via-path' | 'none';

/** A registry entry with what follows from it: its Cypher pattern, sort and ends. */
export interface Relation {
  name: string;
  /** The type (or interface) and field of the key. */
  type: string;
  field: string;
  /** The relationship type; null for relations by a property. */
  rel: string | null;
  item: ItemKind | null;
  ends: RelationEnds;
  /** The related node's labels (one of them). */
  nodeLabels: readonly string[];
  /** Which end of the relationship the related node is; null without a relationship. */
  nodeEnd: 'source' | 'target' | null;
  /** A MATCH pattern binding `b` (and `r`, with a relationship) from `anchorId`. */
  match: string;
  orderBy: string;
  /**
   * The item's keyset sort key when the field is paged (a connection): the `order` properties
   * as values that never are null (a missing date sorts last, as in `orderBy`), then the
   * qualifier and, for `via-path` items, their ends: unique per item.
   */
  sortKeys: readonly string[];
  /** A Cypher expression over `r`, or null. */
  qualifier: string | null;
  withRel: boolean;
}

/**
 * How an `order` property becomes a keyset value: temporal values as strings or numbers that
 * sort as they do, a missing one after every other (as ORDER BY puts nulls); the others as
 * they are (the graph model gives them always).
 */
const ORDER_KEYS: Readonly<Record<string, (b: string) => string>> = {
  id: (b) => b,
  articleId: (b) => b,
  index: (b) => b,
  start: (b) => b,
  // '~' sorts after the digits and signs an ISO date starts with.
  date: (b) => `coalesce(toString(${b}), '~')`,
  startDate: (b) => `coalesce(toString(${b}), '~')`,
  // The largest instant a JavaScript Date holds: after every real one, exact as a double.
  publishedAt: (b) => `coalesce(${b}.epochMillis, 8640000000000000)`,
};

/** Labels, relationship types and property names are written into statements: checked here. */
const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const LABELS = /^[A-Za-z][A-Za-z0-9]*(\|[A-Za-z][A-Za-z0-9]*)*$/;

function checked(name: string, value: string, pattern: RegExp): string {
  if (!pattern.test(value))
    throw new Error(`relation ${name}: not a name: ${JSON.stringify(value)}`);
  return value;
}

const arrow = (dir: Direction, rel: string) => (dir === 'out' ? `-[${rel}]->` : `<-[${rel}]-`);

/** A registry entry → its Relation; throws on a spec that mixes or lacks the ways to reach `b`. */
export function defineRelation(name: string, spec: RelationSpec): Relation {
  const [type, field, ...rest] = name.split('.');
  if (!type || !field || rest.length > 0) throw new Error(`relation ${name}: not Type.field`);
  const label = (v: string) => checked(name, v, LABELS);
  const prop = (v: string) => checked(name, v, NAME);
  const node = label(spec.node);
  const qualifier =
    spec.qualifier === undefined
      ? null
      : spec.qualifierDefault === undefined
        ? `r.${prop(spec.qualifier)}`
        : `coalesce(r.${prop(spec.qualifier)}, ${String(spec.qualifierDefault)})`;
  const orderProps = spec.order ?? ['id'];
  const order = orderProps.map((p) => `b.${prop(p)}`);
  const orderBy = [...order, ...(qualifier ? ['qualifier'] : [])].join(', ');
  const keys = orderProps.map((p) => {
    const key = ORDER_KEYS[p];
    if (!key) throw new Error(`relation ${name}: no keyset value for order property "${p}"`);
    return key(`b.${p}`);
  });
  // Items of a relationship that does not touch the anchor are told apart by its ends too (a
  // country's representations: one per person and meeting; its officials: per person and office).
  const viaPath =
    Boolean(spec.far) ||
    Boolean(spec.through && spec.through.length > 0) ||
    Boolean(spec.throughAny && spec.throughAny.length > 0);
  const sortKeys = [
    ...keys,
    ...(qualifier ? [`coalesce(${qualifier}, '')`] : []),
    ...(viaPath ? ['startNode(r).id', 'endNode(r).id'] : []),
  ];
  const base = {
    name,
    type,
    field,
    rel: spec.rel === undefined ? null : prop(spec.rel),
    item: spec.item ?? null,
    nodeLabels: node.split('|'),
    orderBy,
    sortKeys,
    qualifier,
  };
  if (spec.nodeProperty !== undefined) {
    if (
      spec.rel !== undefined ||
      spec.dir !== undefined ||
      spec.through ||
      spec.throughAny ||
      spec.far
    ) {
      throw new Error(
        `relation ${name}: nodeProperty goes without rel, dir, through, throughAny and far`,
      );
    }
    return {
      ...base,
      ends: 'none',
      nodeEnd: null,
      match: `(b:${node} {${prop(spec.nodeProperty)}: anchorId})`,
      withRel: false,
    };
  }
  if (spec.rel === undefined || spec.dir === undefined) {
    throw new Error(`relation ${name}: needs rel and dir, or nodeProperty`);
  }
  if ([spec.through, spec.throughAny, spec.far].filter((v) => v !== undefined).length > 1) {
    throw new Error(`relation ${name}: one of through, throughAny and far`);
  }
  const anchor = `(a:${label(spec.anchor ?? type)} {id: anchorId})`;
  const rel = arrow(spec.dir, `r:${prop(spec.rel)}`);
  const nodeEnd = spec.dir === 'out' ? 'target' : 'source';
  let match: string;
  if (spec.far) {
    const far = `(:${label(spec.far.label)})`;
    match = `${anchor} MATCH ${far}${rel}(b:${node}) WHERE r.${prop(spec.far.relProperty)} = anchorId`;
  } else if (spec.throughAny && spec.throughAny.length > 0) {
    // One UNION branch per path, each binding its last node as `h`; UNION keeps each once.
    const ends = spec.throughAny.map((path) => path.at(-1)?.node);
    if (ends.some((end) => end === undefined || end !== ends[0])) {
      throw new Error(`relation ${name}: throughAny paths must be non-empty and end on one label`);
    }
    const branches = spec.throughAny.map((path) => {
      const steps = path.map((hop, i) => {
        const to = i === path.length - 1 ? `h:${label(hop.node)}` : `:${label(hop.node)}`;
        return `${arrow(hop.dir, `:${prop(hop.rel)}`)}(${to})`;
      });
      return `MATCH (a)${steps.join('')} RETURN h`;
    });
    match = `${anchor} CALL (a) { ${branches.join(' UNION ')} } WITH h MATCH (h)${rel}(b:${node})`;
  } else if (spec.through && spec.through.length > 0) {
    // DISTINCT per hop: parallel relationships (one per article) would multiply the paths.
    const hops = spec.through.map((hop, i) => {
      const before = i === 0 ? anchor : `WITH DISTINCT h${i - 1} MATCH (h${i - 1})`;
      return `${before}${arrow(hop.dir, `:${prop(hop.rel)}`)}(h${i}:${label(hop.node)})`;
    });
    const last = spec.through.length - 1;
    match = [...hops, `WITH DISTINCT h${last} MATCH (h${last})${rel}(b:${node})`].join(' ');
  } else {
    match = `${anchor}${rel}(b:${node})`;
  }
  const touchesAnchor =
    !spec.far &&
    !(spec.through && spec.through.length > 0) &&
    !(spec.throughAny && spec.throughAny.length > 0);
  const ends = !touchesAnchor ? 'via-path' : spec.dir === 'out' ? 'from-anchor' : 'to-anchor';
  return { ...base, ends, nodeEnd, match, withRel: true };
}

/** A registry of relation specs, each defined (defineRelation). */
export function defineRelations<N extends string>(
  specs: Readonly<Record<N, RelationSpec>>,
): Readonly<Record<N, Relation>> {
  const out = {} as Record<N, Relation>;
  for (const name of Object.keys(specs) as N[]) out[name] = defineRelation(name, specs[name]);
  return out;
}

export const RELATIONS: Readonly<Record<RelationName, Relation>> = defineRelations(RELATION_SPECS);

function isRelationName(name: string): name is RelationName {
  return Object.hasOwn(RELATIONS, name);
}

/**
 * A CALL that, for the anchor bound to `anchorId`, collects the relation's items into
 * `items` and its related nodes into `nodes`; with a `page`, only the page's (see pagedCall).
 *
 * Parallel relationships (one per article stating the same edge) are grouped into ONE item per
 * (source, target, qualifier), with every relationship's properties in `rels`, ordered by article
 * and fact id. Without `relProps` the item carries no properties, only its ends.
 */
function relationCall(spec: Relation, relProps: boolean, page: PageParams | null): string {
  if (page) return pagedCall(spec, relProps, page);
  // Lists, not maps: a map sends (and the driver decodes) its keys again with every item. An
  // item with nothing but its node is that node's id: a nested answer has thousands of them,
  // and each list costs the driver (and the GC) two arrays.
  const viaPath = spec.ends === 'via-path';
  const item = viaPath
    ? '[b.id, rels, sourceId, targetId]'
    : !spec.withRel || !relProps
      ? 'b.id'
      : '[b.id, rels]';
  const collected = `collect(${item}) AS items, collect(b) AS nodes`;
  // Ends of a relationship between the anchor and b are known without reading them (the caller
  // fills them in: endsOf); reading startNode(r).id per relationship doubles a statement's time.
  const ends = viaPath
    ? 'startNode(r).id AS sourceId, endNode(r).id AS targetId'
    : 'null AS sourceId, null AS targetId';
  if (!spec.withRel) {
    return [
      'CALL (anchorId) {',
      `  MATCH ${spec.match}`,
      `  WITH b, null AS sourceId, null AS targetId, [] AS rels ORDER BY ${spec.orderBy}`,
      `  RETURN ${collected}`,
      '}',
    ].join('\n');
  }
  const qualifier = spec.qualifier ?? 'null';
  const grouped = relProps
    ? [
        `  WITH b, r ORDER BY r.articleId, r.factId`,
        `  WITH b, ${ends}, ${qualifier} AS qualifier, collect(properties(r)) AS rels`,
      ]
    : [
        `  WITH DISTINCT b, ${ends}, ${qualifier} AS qualifier`,
        '  WITH b, sourceId, targetId, qualifier, [] AS rels',
      ];
  return [
    'CALL (anchorId) {',
    `  MATCH ${spec.match}`,
    ...grouped,
    `  ORDER BY ${spec.orderBy}`,
    `  RETURN ${collected}`,
    '}',
  ].join('\n');
}

/** A paged fetch's page and the prefix of its statement parameters (`$<prefix>_limit`, …). */
interface PageParams {
  page: RelationPage;
  prefix: string;
}

/** The keyset condition of a page cursor (`after`: later items; `before`: earlier ones). */
function cursorCondition(spec: Relation, prefix: string, side: 'after' | 'before'): string {
  const params = spec.sortKeys.map((_, i) => `$${prefix}_${side}[${i}]`);
  const keys = spec.sortKeys.map((_, i) => `sortKey[${i}]`);
  return keysetCondition(keys, params, side === 'after' ? '>' : '<');
}

/** The MATCH of a relation's rows with each row's `sortKey` (a list: spec.sortKeys). */
function keyedRows(spec: Relation): string[] {
  return [
    `  MATCH ${spec.match}`,
    `  WITH b, ${spec.withRel ? 'r, ' : ''}[${spec.sortKeys.join(', ')}] AS sortKey`,
  ];
}

/**
 * One page of a relation field (a connection) for the anchor `anchorId`: the keyset conditions
 * of its cursors, the order of its sort key (reversed for a backward page: the caller flips the
 * page back), `size + 1` items to learn whether more lie beyond. Binds `items` (each
 * `[b.id, rels, sourceId, targetId, sortKey]`) and `nodes`, the page's (`size` at most), `more`,
 * and only when they are read (pagedExtras), `beyond` (items on the far side of the cursor the
 * page starts from) and `total` (every item). Each clause costs Neo4j compile time, so none is
 * written that the page does not need.
 */
function pagedCall(spec: Relation, relProps: boolean, { page, prefix }: PageParams): string {
  const window = page;
  const where = [
    ...(window.after ? [cursorCondition(spec, prefix, 'after')] : []),
    ...(window.before ? [cursorCondition(spec, prefix, 'before')] : []),
  ];
  const viaPath = spec.ends === 'via-path';
  const ends = viaPath
    ? 'startNode(r).id AS sourceId, endNode(r).id AS targetId'
    : 'null AS sourceId, null AS targetId';
  const qualifier = spec.qualifier ?? 'null';
  const grouped = !spec.withRel
    ? ['  WITH b, sortKey, null AS sourceId, null AS targetId, [] AS rels']
    : relProps
      ? [
          '  WITH b, r, sortKey ORDER BY r.articleId, r.factId',
          `  WITH b, sortKey, ${ends}, ${qualifier} AS qualifier, collect(properties(r)) AS rels`,
        ]
      : [
          `  WITH DISTINCT b, sortKey, ${ends}, ${qualifier} AS qualifier`,
          '  WITH b, sortKey, sourceId, targetId, [] AS rels',
        ];
  const dir = window.backward ? 'DESC' : 'ASC';
  const from = window.backward ? window.before : window.after;
  const beyond = from
    ? [
        'CALL (anchorId) {',
        ...keyedRows(spec),
        `  WITH sortKey WHERE NOT ${cursorCondition(spec, prefix, window.backward ? 'before' : 'after')}`,
        '  WITH sortKey LIMIT 1',
        '  RETURN count(*) > 0 AS beyond',
        '}',
      ]
    : [];
  const total = page.count
    ? [
        'CALL (anchorId) {',
        ...keyedRows(spec),
        '  WITH DISTINCT sortKey',
        '  RETURN count(*) AS total',
        '}',
      ]
    : [];
  return [
    'CALL (anchorId) {',
    ...keyedRows(spec),
    ...(where.length > 0 ? [`  WHERE ${where.join(' AND ')}`] : []),
    ...grouped,
    `  ORDER BY ${spec.sortKeys.map((_, i) => `sortKey[${i}] ${dir}`).join(', ')}`,
    `  LIMIT $${prefix}_limit`,
    `  WITH collect([b.id, rels, sourceId, targetId, sortKey]) AS read, collect(b) AS readNodes`,
    `  RETURN read[0..$${prefix}_size] AS items, readNodes[0..$${prefix}_size] AS nodes, size(read) > $${prefix}_size AS more`,
    '}',
    ...beyond,
    ...total,
  ].join('\n');
}

/** `beyond` and `total` of a paged fetch, or the constants standing for them when not read. */
function pagedExtras(page: RelationPage): string {
  const from = page.backward ? page.before : page.after;
  return `${from ? 'beyond' : 'false'}, ${page.count ? 'total' : 'null'}`;
}

/** The statement parameters of a paged fetch (see pagedCall). */
function pageParams({ page, prefix }: PageParams): Record<string, unknown> {
  const window = page;
  return {
    [`${prefix}_limit`]: int(window.size + 1),
    [`${prefix}_size`]: int(window.size),
    ...(window.after ? { [`${prefix}_after`]: window.after } : {}),
    ...(window.before ? { [`${prefix}_before`]: window.before } : {}),
  };
}

/**
 * Collects the nodes of the lists in `<lists>` once each into `<into>`, as much of each as
 * `projection` says (nodeRecordFor).
 */
function distinctNodes(lists: string, into: string, projection: NodeProjection): string {
  const record = nodeRecordFor('b', projection);
  return [
    `CALL (${lists}) {`,
    `  UNWIND ${lists} AS list UNWIND list AS b`,
    '  WITH DISTINCT b',
    `  RETURN collect(${record}) AS ${into}`,
    '}',
  ].join('\n');
}

export function endsOf(relation: string): RelationEnds {
  return specOf(relation).ends;
}

/** One relation to fetch, and how much of it the selection reads. */
export interface RelationFetch {
  /** A registry name (`Type.field`); checked against the registry before any Cypher is built. */
  relation: string;
  /** The relationships' properties (provenance, qualifiers); false: only their ends. */
  relProps: boolean;
  /**
   * The related nodes' properties: all (true), none beyond labels and ids (false: a selection of
   * ids), or those listed (the properties the selected fields read).
   */
  nodeProps: NodeProjection;
  /** For a connection field: the page to read of each anchor's items; absent: all of them. */
  page?: RelationPage;
}

/** One page of a relation's items per anchor (a connection field), keyset on its sortKeys. */
export interface RelationPage {
  size: number;
  backward: boolean;
  /** The cursors' sort keys (each as long as the relation's sortKeys). */
  after: SortValue[] | null;
  before: SortValue[] | null;
  /** Count every item of each anchor (the connection's totalCount is selected). */
  count: boolean;
}

/** A relation page from a page window whose cursors hold sort keys of the relation. */
export function relationPage(window: PageWindow, count: boolean): RelationPage {
  const keyOf = (c: PageWindow['after']) =>
    c === null ? null : Array.isArray(c.key) ? c.key : [c.key];
  return {
    size: window.size,
    backward: window.backward,
    after: keyOf(window.after),
    before: keyOf(window.before),
    count,
  };
}

function specOf(relation: string): Relation {
  if (!isRelationName(relation)) throw new Error(`unknown relation "${relation}"`);
  return RELATIONS[relation];
}

// ---- what the statements send (lists, not maps: see relationCall) ----

/**
 * One item: the related node's id alone, when there is nothing else to send (no `relProps`, or
 * a relation without relationships); else with its relationships' properties (`relProps`) and,
 * for `via-path` relations, the ends' ids, which the caller knows otherwise (endsOf).
 */
export type WireItem =
  | string
  | [nodeId: string, rels: Array<Record<string, unknown>>]
  | [nodeId: string, rels: Array<Record<string, unknown>>, sourceId: string, targetId: string]
  | [
      nodeId: string,
      rels: Array<Record<string, unknown>>,
      sourceId: string | null,
      targetId: string | null,
      sortKey: SortValue[],
    ];
/**
 * An anchor and its items; every anchor asked about is there, with [] when it has none. A paged
 * fetch adds `more`, `beyond` and `total` (see pagedCall).
 */
export type WireAnchor =
  | [anchorId: string, items: WireItem[]]
  | [anchorId: string, items: WireItem[], more: boolean, beyond: boolean, total: unknown];

/**
 * A relation to fetch, with the relations to fetch in turn from its related nodes: the shape of
 * a nested selection (meetings → participants → their meetings → what was discussed).
 */
export interface PrefetchTree {
  fetch: RelationFetch;
  children: PrefetchTree[];
}

/** The fetches of `trees` in the order their results come back: depth first, parents first. */
export function flattenPrefetch(trees: readonly PrefetchTree[]): RelationFetch[] {
  return trees.flatMap((tree) => [tree.fetch, ...flattenPrefetch(tree.children)]);
}

/**
 * CALLs fetching each tree's relation from the ids in `rootIds` (a list expression), and each
 * child's from the distinct related nodes of its parent, and so on: several levels of a nested
 * selection in one statement. `root.imports`: the variables `root.ids` reads (a parameter
 * needs none). Binds `anchors<k>` (WireAnchor list) and `nodes<k>` (WireNode
 * list, each related node once) for k in flattenPrefetch order; returns the k's.
 */
function prefetchCalls(
  trees: readonly PrefetchTree[],
  root: { ids: string; imports: string },
): { lines: string[]; outputs: number[]; params: Record<string, unknown> } {
  const lines: string[] = [];
  const outputs: number[] = [];
  const params: Record<string, unknown> = {};
  const emit = (tree: PrefetchTree, parentLists: string | null) => {
    const k = outputs.length;
    outputs.push(k);
    const { relation, relProps, nodeProps, page } = tree.fetch;
    const paged = page ? { page, prefix: `page${k}` } : null;
    if (paged) Object.assign(params, pageParams(paged));
    lines.push(
      `CALL (${parentLists ?? root.imports}) {`,
      ...(parentLists
        ? [
            // A child's anchors: every node its parent reached, once.
            `  UNWIND ${parentLists} AS list UNWIND list AS parent`,
            '  WITH DISTINCT parent.id AS anchorId',
          ]
        : [`  UNWIND ${root.ids} AS anchorId`]),
      relationCall(specOf(relation), relProps, paged),
      paged
        ? `  RETURN collect([anchorId, items, more, ${pagedExtras(paged.page)}]) AS anchors${k}, collect(nodes) AS nodeLists${k}`
        : `  RETURN collect([anchorId, items]) AS anchors${k}, collect(nodes) AS nodeLists${k}`,
      '}',
      distinctNodes(`nodeLists${k}`, `nodes${k}`, nodeProps),
    );
    for (const child of tree.children) emit(child, `nodeLists${k}`);
  };
  for (const tree of trees) emit(tree, null);
  return { lines, outputs, params };
}

function prefetchReturn(outputs: readonly number[]): string[] {
  return [
    `[${outputs.map((k) => `anchors${k}`).join(', ')}] AS anchors,`,
    `  [${outputs.map((k) => `nodes${k}`).join(', ')}] AS nodes`,
  ];
}

/**
 * Several levels of relations from `anchorIds` in one statement (see PrefetchTree). One row:
 * `anchors` and `nodes`, a list per fetch in flattenPrefetch order: the anchors with their
 * items (WireAnchor), and every related node once (WireNode) — a node reached from many anchors,
 * like a topic discussed at 400 meetings, is sent and decoded once.
 */
export function prefetchRelated(
  anchorIds: readonly string[],
  trees: readonly PrefetchTree[],
): CypherQuery {
  const { lines, outputs, params } = prefetchCalls(trees, { ids: '$anchorIds', imports: '' });
  return {
    cypher: [...lines, 'RETURN', ...prefetchReturn(outputs)].join('\n'),
    params: { ...params, anchorIds: [...new Set(anchorIds)] },
  };
}

/** One relation from many anchors: prefetchRelated with a single tree without children. */
export function relatedNodes(fetch: RelationFetch, anchorIds: readonly string[]): CypherQuery {
  return prefetchRelated(anchorIds, [{ fetch, children: [] }]);
}

/**
 * For a statement that has bound `idsVar` to a list of node ids: the CALLs fetching `trees` from
 * those nodes, and the RETURN items giving their results as prefetchRelated does (`anchors`,
 * `nodes`). The look-ahead of a root field, in the statement that finds the root's nodes.
 */
export function relatedFromIds(
  idsVar: string,
  trees: readonly PrefetchTree[],
): { calls: string[]; returns: string[]; params: Record<string, unknown> } {
  const { lines, outputs, params } = prefetchCalls(trees, { ids: idsVar, imports: idsVar });
  return { calls: lines, returns: prefetchReturn(outputs), params };
}

/**
 * Nodes by id (as nodesByIds) with, in the same statement, the relations `trees` asks for from
 * them (the look-ahead of a root lookup). A relation whose anchor label a node lacks gives it an
 * empty list. One row: `found` (WireNode list, the nodes found, as much of each as
 * `projection` says) and, as prefetchRelated,
 * `anchors` and `nodes`. `labels`: where to look (default: every kind; matchNodesByIds).
 */
export function nodesWithRelated(
  ids: readonly string[],
  trees: readonly PrefetchTree[],
  projection: NodeProjection = true,
  labels?: readonly IdLookupLabel[],
): CypherQuery {
  const related = relatedFromIds('foundIds', trees);
  return {
    cypher: [
      matchNodesByIds(labels),
      `WITH collect(${nodeRecordFor('n', projection)}) AS found, collect(n.id) AS foundIds`,
      ...related.calls,
      'RETURN found,',
      ...related.returns,
    ].join('\n'),
    params: { ...related.params, ids: [...new Set(ids)] },
  };
}
