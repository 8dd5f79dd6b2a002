/**
 * The checked-in generated files must be what `npm run codegen` makes now: src/generated/graphql.ts
 * from schema/ (the resolver types), and client/generated/ from schema/ and docs/queries/ (the
 * typed client). A schema change or an edited example query without regenerating fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../../../codegen.js';

const CLIENT_DIR = 'client/generated';

describe('generated code', () => {
  it('is up to date with schema/*.graphql and docs/queries/ (run `npm run codegen` if not)', async () => {
    const outputs: Array<{ filename: string; content: string }> = await generate(
      { ...config, silent: true },
      false,
    );
    const files = outputs.map((o) => path.normalize(o.filename)).sort();
    expect(files).toEqual([
      ...readdirSync(CLIENT_DIR).map((f) => path.join(CLIENT_DIR, f)),
      'src/generated/graphql.ts',
    ]);
    for (const { filename, content } of outputs) {
      const checkedIn = readFileSync(filename, 'utf8');
      expect(checkedIn === content, `${filename} is stale: run npm run codegen`).toBe(true);
    }
  }, 60_000);

  it('the client has one typed operation per docs/queries file', () => {
    const client = readFileSync(path.join(CLIENT_DIR, 'graphql.ts'), 'utf8');
    const operations = readdirSync('docs/queries')
      .filter((f) => f.endsWith('.graphql'))
      .map((f) => /^query (\w+)/m.exec(readFileSync(path.join('docs/queries', f), 'utf8'))![1]);
    expect(operations.length).toBeGreaterThan(0);
    for (const name of operations) {
      expect(client).toContain(
        `as unknown as TypedDocumentString<${name}Query, ${name}QueryVariables>`,
      );
    }
  });
});
