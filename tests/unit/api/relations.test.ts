/**
 * The relation registry (src/graph/relations.ts) against the SDL, both ways, and what adding a
 * relation field takes: one registry entry plus its SDL.
 */
import { makeExecutableSchema } from '@graphql-tools/schema';
import {
  buildASTSchema,
  concatAST,
  parse,
  type FieldNode,
  type OperationDefinitionNode,
} from 'graphql';
import { gql } from 'graphql-tag';
import { describe, expect, it } from 'vitest';
import { createSchema } from '../../../src/api/index.js';
import { lookahead } from '../../../src/api/lookahead.js';
import type { LookaheadInfo } from '../../../src/api/selection.js';
import {
  anchorFieldsOf,
  nodeFieldsOf,
  nodeFieldOf,
  registryMismatches,
  relationFor,
} from '../../../src/api/relation-fields.js';
import { relationResolvers } from '../../../src/api/resolvers/relations.js';
import { resolvers } from '../../../src/api/resolvers/index.js';
import { loadTypeDefs } from '../../../src/api/schema.js';
import {
  defineRelation,
  defineRelations,
  flattenPrefetch,
  RELATION_SPECS,
  RELATIONS,
  type RelationName,
} from '../../../src/graph/relations.js';

const sdl = buildASTSchema(concatAST(loadTypeDefs()));

/** The resolve info of the query's first root field, as far as look-ahead reads it. */
function rootInfo(schema: LookaheadInfo['schema'], query: string): LookaheadInfo {
  const operation = parse(query).definitions[0] as OperationDefinitionNode;
  const field = operation.selectionSet.selections[0] as FieldNode;
  return {
    schema,
    fieldNodes: [field],
    fragments: {},
    returnType: schema.getQueryType()!.getFields()[field.name.value]!.type,
  };
}

describe('the relation registry and the SDL', () => {
  it('agree: every relation field has an entry, every entry names a relation field', () => {
    expect(registryMismatches(sdl)).toEqual([]);
  });

  it('a relation field without an entry fails', () => {
    const rest = Object.fromEntries(
      Object.entries(RELATION_SPECS).filter(([name]) => name !== 'Quote.claims'),
    );
    expect(registryMismatches(sdl, defineRelations(rest))).toEqual([
      'Quote.claims: a relation field without a registry entry',
    ]);
  });

  it('an entry naming no field, or a field that is no relation, fails', () => {
    const relations = defineRelations({
      ...RELATION_SPECS,
      'Person.friends': { rel: 'KNOWS', dir: 'out', node: 'Person' },
      'Person.aliases': { rel: 'ALIAS', dir: 'out', node: 'Person' },
    });
    expect(registryMismatches(sdl, relations)).toEqual([
      'Person.friends: no such field in the schema',
      'Person.aliases: not a relation field (arguments, or no nodes or items)',
    ]);
  });

  it('related-node labels and item kinds that are not the field’s fail', () => {
    const relations = defineRelations({
      ...RELATION_SPECS,
      'Person.quotes': { rel: 'SAID', dir: 'out', node: 'Claim' },
      'Office.holders': { rel: 'HOLDS_OFFICE', dir: 'in', node: 'Person', item: 'discussion' },
    });
    expect(registryMismatches(sdl, relations)).toEqual([
      'Person.quotes: related nodes Claim, the field returns Quote',
      'Office.holders: items of kind discussion are Discussion, not OfficeHolding',
    ]);
  });

  it('the server refuses to start on a mismatch (createSchema checks)', () => {
    expect(() => createSchema()).not.toThrow();
  });
});

describe('what follows from an entry', () => {
  it('direction is data: patterns, ends and item fields follow from `dir`', () => {
    const holds = RELATIONS['Person.offices'];
    expect(holds.match).toBe('(a:Person {id: anchorId})-[r:HOLDS_OFFICE]->(b:Office)');
    expect([holds.ends, nodeFieldOf(holds), anchorFieldsOf(holds)]).toEqual([
      'from-anchor',
      'office',
      ['person'],
    ]);
    const holders = RELATIONS['Office.holders'];
    expect(holders.match).toBe('(a:Office {id: anchorId})<-[r:HOLDS_OFFICE]-(b:Person)');
    expect([holders.ends, nodeFieldOf(holders), anchorFieldsOf(holders)]).toEqual([
      'to-anchor',
      'person',
      ['office'],
    ]);
    const officials = RELATIONS['Country.officials'];
    expect(officials.ends).toBe('via-path');
    expect([nodeFieldOf(officials), anchorFieldsOf(officials)]).toEqual(['person', []]);
    const represented = RELATIONS['Country.representedAt'];
    expect(represented.match).toContain('WHERE r.countryId = anchorId');
    expect([represented.ends, nodeFieldsOf(represented)]).toEqual([
      'via-path',
      ['participant', 'person'],
    ]);
    // A meeting's participants: any entity taking part; `person` narrows it, on either end.
    const participants = RELATIONS['Meeting.participants'];
    expect([nodeFieldsOf(participants), anchorFieldsOf(participants)]).toEqual([
      ['participant', 'person'],
      ['meeting'],
    ]);
    expect(anchorFieldsOf(RELATIONS['Person.meetings'])).toEqual(['participant', 'person']);
    expect(nodeFieldsOf(RELATIONS['Event.participants'])).toEqual(['participant']);
    expect(RELATIONS['Article.quotes'].ends).toBe('none');
    expect(RELATIONS['Meeting.discussed'].orderBy).toBe('b.id, qualifier');
  });

  it('rejects specs that mix the ways to reach the node, or names that are not names', () => {
    expect(() =>
      defineRelation('Article.x', {
        nodeProperty: 'articleId',
        rel: 'X',
        dir: 'out',
        node: 'Quote',
      }),
    ).toThrow(/nodeProperty goes without/);
    expect(() => defineRelation('Person.x', { node: 'Person' })).toThrow(/needs rel and dir/);
    expect(() =>
      defineRelation('Person.x', { rel: 'X]->() DETACH DELETE b //', dir: 'out', node: 'Person' }),
    ).toThrow(/not a name/);
    expect(() => defineRelation('Person', { rel: 'X', dir: 'out', node: 'Person' })).toThrow(
      /not Type.field/,
    );
  });

  it('an interface’s entry serves every implementing type', () => {
    expect(relationFor(sdl, 'Country', 'statementsAbout')?.name).toBe('Entity.statementsAbout');
    expect(relationFor(sdl, 'Claim', 'about')?.name).toBe('Fact.about');
    expect(relationFor(sdl, 'Topic', 'about')?.name).toBe('Topic.about');
    expect(relationFor(sdl, 'Quote', 'text')).toBeNull();
  });
});

describe('evidence twins', () => {
  it('each …Fact/…Facts field reads exactly its bare field’s relationship, as typed items', () => {
    const twins = Object.values(RELATIONS).filter((r) => r.item === 'link');
    expect(twins.length).toBeGreaterThan(20);
    for (const twin of twins) {
      const bare = RELATIONS[`${twin.type}.${twin.field.replace(/Facts?$/, '')}` as RelationName];
      expect(bare, twin.name).toBeDefined();
      expect([twin.match, twin.orderBy, twin.nodeLabels], twin.name).toEqual([
        bare.match,
        bare.orderBy,
        bare.nodeLabels,
      ]);
      expect(bare.item, twin.name).toBeNull();
      expect([nodeFieldOf(twin), anchorFieldsOf(twin)], twin.name).toEqual(['node', []]);
    }
  });

  it('a country’s officials: through its government, or its own offices', () => {
    const officials = RELATIONS['Country.officials'];
    expect(officials.match).toContain('UNION');
    expect(officials.match).toContain(':OFFICE_OF');
    expect(officials.match).toContain(':GOVERNMENT_OF');
    expect(officials.qualifier).toBe('coalesce(r.acting, false)');
  });
});

describe('adding a relation field: one registry entry plus its SDL', () => {
  const extension = gql`
    extend type Person {
      "People who mentored this person (fixture)."
      mentors: [Person!]!
    }
  `;
  const fixtureSdl = buildASTSchema(concatAST([...loadTypeDefs(), extension]));
  const fixtureRelations = defineRelations({
    ...RELATION_SPECS,
    'Person.mentors': { rel: 'MENTORED', dir: 'in', node: 'Person' },
  });

  it('the SDL alone is not enough: the check names the missing entry', () => {
    expect(registryMismatches(fixtureSdl)).toEqual([
      'Person.mentors: a relation field without a registry entry',
    ]);
    expect(registryMismatches(fixtureSdl, fixtureRelations)).toEqual([]);
  });

  it('the entry gives the field its pattern, its resolver and its look-ahead', () => {
    const mentors = fixtureRelations['Person.mentors'];
    expect(mentors.match).toBe('(a:Person {id: anchorId})<-[r:MENTORED]-(b:Person)');
    const derived = relationResolvers(fixtureRelations);
    expect(typeof derived.Person?.mentors).toBe('function');
    const schema = makeExecutableSchema({
      typeDefs: [...loadTypeDefs(), extension],
      resolvers: [resolvers, derived],
      inheritResolversFromInterfaces: true,
    });
    const info = rootInfo(
      schema,
      '{ entity(id: "p") { ... on Person { mentors { name offices { office { id } } } } } }',
    );
    const trees = lookahead(info, [], { maxPageSize: 100, depth: 3, relations: fixtureRelations });
    expect(flattenPrefetch(trees)).toEqual([
      { relation: 'Person.mentors', relProps: false, nodeProps: ['nameEn', 'nameKk', 'nameRu'] },
      { relation: 'Person.offices', relProps: false, nodeProps: false },
    ]);
  });
});
