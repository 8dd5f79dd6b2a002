/**
 * The fact relationships docs/graph-model.md allows, with the node kinds at each end.
 * The seeder refuses any other pattern; relationship types are interpolated into Cypher
 * only from this table.
 */
import { ENTITY_KIND_LABELS, type FactRelationshipType } from '../graph/schema.js';
import type { EntityKind } from './annotation-schema.js';

export type FactNodeKind = 'Quote' | 'Claim' | 'NumericFact';
/** `Article`: the article itself, as the author of a quote, claim or figure (`article`). */
export type NodeKind = EntityKind | FactNodeKind | 'Article';

/** The reference that names the article itself (its own voice: an unattributed claim). */
export const ARTICLE_REF = 'article';

const ANY_ENTITY: readonly EntityKind[] = ENTITY_KIND_LABELS;

export interface RelationshipPattern {
  from: readonly NodeKind[];
  to: readonly NodeKind[];
  /** When only some combinations of the kinds are allowed: [from, to] pairs. */
  pairs?: ReadonlyArray<readonly [NodeKind, NodeKind]>;
}

const AUTHORS: readonly NodeKind[] = ['Person', 'Organization', 'Article'];
const HAPPENINGS: readonly NodeKind[] = ['Meeting', 'Event'];

export const RELATIONSHIP_PATTERNS: Record<FactRelationshipType, RelationshipPattern> = {
  HOLDS_OFFICE: { from: ['Person'], to: ['Office'] },
  OFFICE_IN: { from: ['Office'], to: ['Organization'] },
  OFFICE_OF: { from: ['Office'], to: ['Country'] },
  GOVERNMENT_OF: { from: ['Organization'], to: ['Country'] },
  BASED_IN: { from: ['Organization'], to: ['Country', 'Place'] },
  PART_OF: {
    from: ['Organization', 'Event', 'Meeting'],
    to: ['Organization', 'Event'],
    pairs: [
      ['Organization', 'Organization'],
      ['Event', 'Event'],
      ['Meeting', 'Event'],
    ],
  },
  LOCATED_IN: { from: ['Place'], to: ['Country', 'Place'] },
  HELD_IN: { from: HAPPENINGS, to: ['Place', 'Country'] },
  SESSION_OF: { from: ['Event'], to: ['Organization'] },
  ON_SIDELINES_OF: { from: ['Meeting'], to: ['Event'] },
  DURING: { from: HAPPENINGS, to: ['Event'] },
  PARTICIPATED_IN: { from: ['Person', 'Organization', 'Country'], to: HAPPENINGS },
  REPORTED_BY: { from: HAPPENINGS, to: ['Organization'] },
  DISCUSSED: { from: HAPPENINGS, to: ['Topic', 'InfrastructureProject'] },
  SIGNED: { from: ['Person', 'Organization', 'Country'], to: ['Document'] },
  SIGNED_AT: { from: ['Document'], to: HAPPENINGS },
  APPOINTED: { from: ['Person', 'Document'], to: ['Person'] },
  NOMINATED: { from: ['Person', 'Organization', 'Document'], to: ['Person'] },
  DISMISSED: { from: ['Person', 'Document'], to: ['Person'] },
  SAID: { from: AUTHORS, to: ['Quote'] },
  SAID_AT: { from: ['Quote'], to: HAPPENINGS },
  MADE_CLAIM: { from: AUTHORS, to: ['Claim'] },
  MADE_AT: { from: ['Claim'], to: HAPPENINGS },
  CONTAINS: { from: ['Quote'], to: ['Claim', 'NumericFact'] },
  ABOUT: { from: ['Claim', 'Quote', 'NumericFact', 'Topic', 'Document'], to: ANY_ENTITY },
  STATED: { from: AUTHORS, to: ['NumericFact'] },
};

/** Kinds a relationship property that names a node (officeId, countryId, raisedById) must have. */
export const QUALIFIER_REF_KINDS: Record<string, readonly NodeKind[]> = {
  officeId: ['Office'],
  countryId: ['Country'],
  raisedById: ['Person'],
};

/** The label to MATCH a node of this kind by (entities by :Entity, the others by their own). */
export function matchLabel(kind: NodeKind): 'Entity' | 'Article' | FactNodeKind {
  return kind === 'Quote' || kind === 'Claim' || kind === 'NumericFact' || kind === 'Article'
    ? kind
    : 'Entity';
}
