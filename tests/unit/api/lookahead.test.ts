/**
 * What look-ahead reads of nodes for a selection: only the properties its fields need (the
 * table in src/api/lookahead.ts), labels and ids only, or whole nodes for any other field.
 */
import { parse, type FieldNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createSchema } from '../../../src/api/index.js';
import { flattenPrefetch } from '../../../src/graph/relations.js';
import { lookahead } from '../../../src/api/lookahead.js';
import { graphNodeProjection, nodeProjection } from '../../../src/api/projection.js';
import type { LookaheadInfo } from '../../../src/api/selection.js';

const schema = createSchema();

/** The resolve info of the query's first root field, as far as look-ahead reads it. */
/** What the planner passes: the largest page (GRAPHQL_MAX_PAGE_SIZE's default). */
const OPTIONS = { maxPageSize: 100 };

function rootInfo(query: string): LookaheadInfo {
  const operation = parse(query).definitions[0] as OperationDefinitionNode;
  const field = operation.selectionSet.selections[0] as FieldNode;
  return {
    schema,
    fieldNodes: [field],
    fragments: {},
    returnType: schema.getQueryType()!.getFields()[field.name.value]!.type,
  };
}

const meetings = (nodeFields: string) =>
  rootInfo(`{ meetings { edges { node { ${nodeFields} } } } }`);

describe('node projections', () => {
  it('reads the properties of the selected fields, and ids alone for id-only selections', () => {
    expect(nodeProjection(meetings('id date'), ['edges', 'node'])).toEqual(['date']);
    expect(nodeProjection(meetings('id name(lang: KK) date'), ['edges', 'node'])).toEqual([
      'date',
      'nameEn',
      'nameKk',
      'nameRu',
    ]);
    expect(nodeProjection(meetings('id participants { person { id } }'), ['edges', 'node'])).toBe(
      false,
    );
  });

  it('counts what is selected again through the items’ anchor field', () => {
    expect(
      nodeProjection(meetings('id participants { person { id } meeting { date } }'), [
        'edges',
        'node',
      ]),
    ).toEqual(['date']);
    expect(
      nodeProjection(meetings('id discussed { meeting { description } }'), ['edges', 'node']),
    ).toBe(true);
  });

  it('reads whole nodes when a field is outside the table', () => {
    expect(nodeProjection(meetings('id date description'), ['edges', 'node'])).toBe(true);
    expect(nodeProjection(meetings('... on Meeting { meetingType }'), ['edges', 'node'])).toBe(
      true,
    );
  });

  it('projects the related nodes of look-ahead too', () => {
    const [participants] = lookahead(
      meetings('id participants { person { id name } }'),
      ['edges', 'node'],
      OPTIONS,
    );
    expect(participants?.fetch).toEqual({
      relation: 'Meeting.participants',
      relProps: false,
      nodeProps: ['nameEn', 'nameKk', 'nameRu'],
    });
    const article = rootInfo(
      '{ article(id: "a") { title sentences { edges { node { index text } } } } }',
    );
    expect(nodeProjection(article)).toEqual(['title']);
    const [sentences] = lookahead(article, [], OPTIONS);
    expect(sentences?.fetch.nodeProps).toEqual(['index', 'text']);
    // A connection's fetch reads the page its arguments ask: 20 by default, forward.
    expect(sentences?.fetch.page).toEqual({
      size: 20,
      backward: false,
      after: null,
      before: null,
      count: false,
    });
  });

  it('reads of a path’s nodes what the GraphNode fields and `node { … }` select', () => {
    const path = (nodes: string) =>
      graphNodeProjection(rootInfo(`{ path(from: "a", to: "b") { nodes { ${nodes} } } }`), [
        'nodes',
      ]);
    expect(path('id type')).toBe(false);
    expect(path('id caption')).toEqual([
      'metric',
      'nameEn',
      'summaryEn',
      'surfaceText',
      'text',
      'title',
      'translationEn',
    ]);
    expect(path('id node { ... on Meeting { date } }')).toEqual(['date']);
    expect(path('node { ... on Meeting { meetingType } }')).toBe(true);
  });
});

describe('relations below a concrete type', () => {
  it('person { quotes { claims about } } prefetches the quotes’ own relations, nothing else', () => {
    const trees = lookahead(
      rootInfo(
        '{ entity(id: "p") { ... on Person { quotes(last: 2) { totalCount edges { node { id claims { id } about { id } } } } } } }',
      ),
      [],
      OPTIONS,
    );
    expect(trees.map((t) => t.fetch.relation)).toEqual(['Person.quotes']);
    expect(trees[0]!.fetch.page).toEqual({
      size: 2,
      backward: true,
      after: null,
      before: null,
      count: true,
    });
    // Anchored at the quotes: a quote's claims and subjects; no article, meeting, person or
    // topic relation of the same field names.
    expect(trees[0]!.children.map((t) => t.fetch.relation)).toEqual(['Fact.about', 'Quote.claims']);
  });

  it('an abstract type asks for the fields of its possible types only', () => {
    const relations = flattenPrefetch(
      lookahead(rootInfo('{ node(id: "x") { ... on Fact { about { id } } } }'), [], OPTIONS),
    ).map((f) => f.relation);
    expect(relations).toEqual(['Fact.about']);
    const onEntity = flattenPrefetch(
      lookahead(
        rootInfo(
          '{ node(id: "x") { ... on Entity { statementsAbout { edges { node { id } } } } } }',
        ),
        [],
        OPTIONS,
      ),
    ).map((f) => f.relation);
    expect(onEntity).toEqual(['Entity.statementsAbout']);
  });
});
