/** Path and neighbourhood: nodes and edges with types and captions, for drawing. */
import type { NodeModel, RelationshipModel } from '../../graph/model.js';
import { FACT_RELATIONSHIP_TYPES } from '../../graph/traversal.js';
import type { Resolvers } from '../../generated/graphql.js';
import { evidenceOfStatement, statementOf } from './shared.js';

const CAPTION_LENGTH = 80;

function shorten(text: string): string {
  const chars = [...text];
  return chars.length > CAPTION_LENGTH ? `${chars.slice(0, CAPTION_LENGTH - 1).join('')}…` : text;
}

function captionOf(node: NodeModel): string {
  switch (node.__typename) {
    case 'Article':
      return shorten(node.title);
    case 'Sentence':
      return shorten(node.text);
    case 'Quote':
      return shorten(node.translationEn ?? node.text);
    case 'Claim':
      return shorten(node.summaryEn);
    case 'NumericFact':
      return shorten(node.surfaceText ? `${node.metric}: ${node.surfaceText}` : node.metric);
    default:
      return node.nameEn;
  }
}

/**
 * Qualifiers: every property except the provenance ones (those are `evidence`) and the
 * caption the seeder writes for Neo4j Browser's picture (the office, which `officeId` states).
 */
const NOT_QUALIFIERS = new Set(['factId', 'articleId', 'sentenceIds', 'evidence', 'caption']);

function qualifiersOf(rel: RelationshipModel) {
  return Object.entries(rel.props)
    .filter(([key, value]) => !NOT_QUALIFIERS.has(key) && value !== null)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => ({
      key,
      value: Array.isArray(value) ? value.join(', ') : String(value),
    }));
}

const isFactRelationship = (type: string) =>
  (FACT_RELATIONSHIP_TYPES as readonly string[]).includes(type);

export const traversalResolvers: Resolvers = {
  GraphNode: {
    id: (n) => n.id,
    type: (n) => n.__typename,
    caption: (n) => captionOf(n),
    node: (n) => n,
  },
  GraphEdge: {
    id: (r) => r.elementId,
    type: (r) => r.type,
    source: (r) => r.sourceId,
    target: (r) => r.targetId,
    caption: (r) => r.type.toLowerCase().replaceAll('_', ' '),
    qualifiers: (r) => qualifiersOf(r),
    evidence: (r) => (isFactRelationship(r.type) ? evidenceOfStatement(statementOf(r.props)) : []),
  },
  Path: {
    // From the nodes: a selection without `relationships` reads none (src/graph/traversal.ts).
    length: (p) => p.nodes.length - 1,
  },
};
