/**
 * One operation's answers about its selections (look-ahead trees, node projections, relation
 * fetches), each worked out once per field: graphql-js hands every item of a list the same
 * field nodes, so a meeting's `discussed` resolved for 500 meetings reads its selection once.
 * Per request (the context's): nothing depends on Apollo handing back the same parsed document.
 */
import type { FieldNode } from 'graphql';
import type { NodeProjection } from '../graph/nodes.js';
import type { PrefetchTree, Relation, RelationFetch } from '../graph/relations.js';
import { fetchFor, lookahead } from './lookahead.js';
import { graphNodeProjection, nodeProjection, searchHitProjection } from './projection.js';
import type { LookaheadInfo, SelectionInfo } from './selection.js';

export interface Planner {
  lookahead(info: LookaheadInfo, path?: readonly string[]): PrefetchTree[];
  nodeProjection(info: LookaheadInfo, path?: readonly string[]): NodeProjection;
  graphNodeProjection(info: LookaheadInfo, path: readonly string[]): NodeProjection;
  searchHitProjection(info: LookaheadInfo): NodeProjection;
  fetchFor(relation: Relation, info: SelectionInfo): RelationFetch;
}

export function createPlanner(options: { maxPageSize: number }): Planner {
  const byField = new Map<readonly FieldNode[], Map<string, unknown>>();
  const memo = <T>(fieldNodes: readonly FieldNode[], key: string, compute: () => T): T => {
    let answers = byField.get(fieldNodes);
    if (!answers) byField.set(fieldNodes, (answers = new Map()));
    if (!answers.has(key)) answers.set(key, compute());
    return answers.get(key) as T;
  };
  return {
    lookahead: (info, path = []) =>
      memo(info.fieldNodes, `trees:${path.join('.')}`, () => lookahead(info, path, options)),
    nodeProjection: (info, path = []) =>
      memo(info.fieldNodes, `projection:${path.join('.')}`, () => nodeProjection(info, path)),
    graphNodeProjection: (info, path) =>
      memo(info.fieldNodes, `graph-node:${path.join('.')}`, () => graphNodeProjection(info, path)),
    searchHitProjection: (info) =>
      memo(info.fieldNodes, 'search-hit', () => searchHitProjection(info)),
    fetchFor: (relation, info) =>
      memo(info.fieldNodes, `fetch:${relation.name}`, () => fetchFor(relation, info, options)),
  };
}
