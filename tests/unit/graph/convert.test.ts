/** Neo4j values → the plain model: ISO-8601 strings keeping offsets, integers as numbers. */
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { toPlain, typeNameOf } from '../../../src/graph/convert.js';

describe('toPlain', () => {
  it('keeps a DATETIME offset and writes a DATE as YYYY-MM-DD', () => {
    const instant = new neo4j.types.DateTime(2022, 8, 25, 23, 33, 0, 0, 6 * 3600);
    expect(toPlain(instant)).toBe('2022-08-25T23:33:00+06:00');
    expect(toPlain(new neo4j.types.Date(2022, 8, 25))).toBe('2022-08-25');
  });

  it('turns integers into numbers, lists element-wise, null stays null', () => {
    expect(toPlain(neo4j.int(42))).toBe(42);
    expect(toPlain([neo4j.int(1), 'a', null])).toEqual([1, 'a', null]);
    expect(toPlain(undefined)).toBeNull();
  });

  it('refuses values it does not model', () => {
    expect(() => toPlain({ a: 1 })).toThrow(/unsupported/);
  });
});

describe('typeNameOf', () => {
  it('maps kind labels to GraphQL types, ignoring :Entity', () => {
    expect(typeNameOf(['Entity', 'Person'])).toBe('Person');
    expect(typeNameOf(['Sentence'])).toBe('Sentence');
    expect(typeNameOf(['Probe'])).toBeNull();
  });
});
