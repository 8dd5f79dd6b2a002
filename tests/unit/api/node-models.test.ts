/** Partial node models: only what was fetched, no defaults, and a loud error on the rest. */
import { describe, expect, it } from 'vitest';
import { isPartialModel, toModel } from '../../../src/api/node-models.js';
import type { WireNode } from '../../../src/graph/nodes.js';

const meeting: WireNode = [
  ['Entity', 'Meeting'],
  { id: 'meeting/m', nameEn: 'M', nameKk: 'М', nameRu: 'М', date: '2022-08-25' },
];
const idOnly: WireNode = [['Entity', 'Meeting'], 'meeting/m'];

describe('toModel', () => {
  it('a whole node is the model toNodeModel gives, never partial', () => {
    const model = toModel(meeting, true, true);
    expect(model).toMatchObject({ __typename: 'Meeting', id: 'meeting/m', nameEn: 'M' });
    expect(isPartialModel(model)).toBe(false);
  });

  it('a partial model holds the fetched properties only, without defaults', () => {
    const model = toModel([meeting[0], { id: 'meeting/m', date: '2022-08-25' }], ['date'], false);
    expect({ ...model }).toEqual({ __typename: 'Meeting', id: 'meeting/m', date: '2022-08-25' });
    expect(isPartialModel(model)).toBe(true);
    // Not strict (production): what was not fetched is absent, not '' or [].
    expect((model as { nameEn?: string }).nameEn).toBeUndefined();
    expect((model as { aliases?: string[] }).aliases).toBeUndefined();
  });

  it('strict (development, test): reading what was not fetched throws, naming node and field', () => {
    const model = toModel(idOnly, false, true);
    expect(model.id).toBe('meeting/m');
    expect(model.__typename).toBe('Meeting');
    expect(() => (model as { nameEn?: string }).nameEn).toThrow(
      /Meeting meeting\/m was read with false only, and its "nameEn" was asked for/,
    );
    // Keys no model has (a promise check, JSON) are not property reads.
    expect((model as { then?: unknown }).then).toBeUndefined();
    expect(JSON.stringify(model)).toBe('{"__typename":"Meeting","id":"meeting/m"}');
  });

  it('maps the `evidence` property to the model’s `excerpts`', () => {
    const claim: WireNode = [['Claim'], { id: 'claim/c', evidence: ['a', 'b'] }];
    expect(toModel(claim, ['evidence'], true)).toMatchObject({ excerpts: ['a', 'b'] });
  });
});
