/** The schema's own contract: it builds, and everything in it is described. */
import {
  buildASTSchema,
  concatAST,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isSpecifiedScalarType,
  type GraphQLNamedType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadTypeDefs } from '../../../src/api/schema.js';
import { PARTICIPANT_ROLES } from '../../../src/seed/annotation-schema.js';

const schema = buildASTSchema(concatAST(loadTypeDefs()));
const ownTypes = Object.values(schema.getTypeMap()).filter(
  (t: GraphQLNamedType) => !t.name.startsWith('__') && !isSpecifiedScalarType(t),
);

describe('schema', () => {
  it('describes every type, field, argument, input field and enum value', () => {
    const missing: string[] = [];
    for (const type of ownTypes) {
      if (type.name !== 'Query' && !type.description?.trim()) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description?.trim()) missing.push(`${type.name}.${field.name}`);
          for (const arg of field.args) {
            if (!arg.description?.trim()) missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
      if (isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description?.trim()) missing.push(`${type.name}.${field.name}`);
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues()) {
          if (!value.description?.trim()) missing.push(`${type.name}.${value.name}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('has a concrete type for every kind of the graph, all Nodes', () => {
    const kinds = [
      'Country',
      'Person',
      'Office',
      'Organization',
      'Place',
      'Event',
      'Meeting',
      'InfrastructureProject',
      'Topic',
      'Quote',
      'Claim',
      'NumericFact',
      'Article',
      'Sentence',
    ];
    const node = schema.getType('Node');
    expect(isInterfaceType(node)).toBe(true);
    for (const kind of kinds) {
      const type = schema.getType(kind);
      expect(isObjectType(type), kind).toBe(true);
      if (isObjectType(type)) expect(type.getInterfaces().map((i) => i.name)).toContain('Node');
    }
  });

  it('gives every list entry point Relay arguments and a connection', () => {
    const query = schema.getQueryType()!;
    const lists = Object.values(query.getFields()).filter((f) =>
      String(f.type).endsWith('Connection!'),
    );
    expect(lists.length).toBeGreaterThanOrEqual(14);
    for (const list of lists) {
      expect(list.args.map((a) => a.name).sort(), list.name).toEqual([
        'after',
        'before',
        'filter',
        'first',
        'last',
        'orderBy',
      ]);
    }
  });
});

describe('enums the seed format defines', () => {
  it('ParticipantRole has exactly the seed format’s participant roles', () => {
    const role = schema.getType('ParticipantRole');
    expect(isEnumType(role)).toBe(true);
    if (!isEnumType(role)) return;
    expect(role.getValues().map((v) => v.name)).toEqual([...PARTICIPANT_ROLES]);
  });
});
