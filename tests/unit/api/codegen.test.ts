/**
 * The checked-in src/generated/graphql.ts must be what `npm run codegen` makes from schema/ now:
 * a schema change without regenerating fails here (and resolvers typed against stale types).
 */
import { readFileSync } from 'node:fs';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../../../codegen.js';

describe('generated resolver types', () => {
  it('are up to date with schema/*.graphql (run `npm run codegen` if not)', async () => {
    const outputs: Array<{ filename: string; content: string }> = await generate(
      { ...config, silent: true },
      false,
    );
    expect(outputs.map((o) => o.filename)).toEqual(['src/generated/graphql.ts']);
    const checkedIn = readFileSync('src/generated/graphql.ts', 'utf8');
    expect(
      checkedIn === outputs[0]!.content,
      'src/generated/graphql.ts is stale: run npm run codegen',
    ).toBe(true);
  }, 60_000);
});
