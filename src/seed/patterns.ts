/**
 * The fact relationships docs/graph-model.md allows, with the node kinds at each end.
 * The seeder refuses any other pattern; relationship types are interpolated into Cypher
 * only from this table.
 */
import { ENTITY_KIND_LABELS, type FactRelationshipType } from '../graph/schema.js';
import type { EntityKind } from './annotation-schema.js';

export type FactNodeKind = 'Quote' | 'Claim' | 'NumericFact';
export type NodeKind = EntityKind | FactNodeKind;

const ANY_ENTITY: readonly EntityKind[] = ENTITY_KIND_LABELS;

export interface RelationshipPattern {
  from: readonly NodeKind[];
  to: readonly NodeKind[];
}

export const RELATIONSHIP_PATTERNS: Record<FactRelationshipType, RelationshipPattern> = {
  HOLDS_OFFICE: { from: ['Person'], to: ['Office'] },
  OFFICE_IN: { from: ['Office'], to: ['Organization'] },
  GOVERNMENT_OF: { from: ['Organization'], to: ['Country'] },
  PART_OF: { from: ['Organization'], to: ['Organization'] },
  LOCATED_IN: { from: ['Place'], to: ['Country', 'Place'] },
  HELD_IN: { from: ['Event', 'Meeting'], to: ['Place'] },
  SESSION_OF: { from: ['Event'], to: ['Organization'] },
  ON_SIDELINES_OF: { from: ['Meeting'], to: ['Event'] },
  PARTICIPATED_IN: { from: ['Person'], to: ['Meeting'] },
  REPORTED_BY: { from: ['Meeting'], to: ['Organization'] },
  DISCUSSED: { from: ['Meeting'], to: ['Topic', 'InfrastructureProject'] },
  SAID: { from: ['Person'], to: ['Quote'] },
  SAID_AT: { from: ['Quote'], to: ['Meeting'] },
  MADE_CLAIM: { from: ['Person'], to: ['Claim'] },
  MADE_AT: { from: ['Claim'], to: ['Meeting'] },
  CONTAINS: { from: ['Quote'], to: ['Claim', 'NumericFact'] },
  ABOUT: { from: ['Claim', 'Quote', 'NumericFact', 'Topic'], to: ANY_ENTITY },
  STATED: { from: ['Person'], to: ['NumericFact'] },
};

/** Kinds a relationship property that names a node (officeId, countryId, raisedById) must have. */
export const QUALIFIER_REF_KINDS: Record<string, readonly NodeKind[]> = {
  officeId: ['Office'],
  countryId: ['Country'],
  raisedById: ['Person'],
};

/** The label to MATCH a node of this kind by (entities by :Entity, facts by their own label). */
export function matchLabel(kind: NodeKind): 'Entity' | FactNodeKind {
  return kind === 'Quote' || kind === 'Claim' || kind === 'NumericFact' ? kind : 'Entity';
}
