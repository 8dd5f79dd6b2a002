/** The SDL of schema/*.graphql (the source of truth), parsed with graphql-tag. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocumentNode } from 'graphql';
import { gql } from 'graphql-tag';

/** The repo's schema/ folder, found from this module (works from src/ and from dist/). */
export const SCHEMA_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'schema',
);

export function loadTypeDefs(dir: string = SCHEMA_DIR): DocumentNode[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort();
  return files.map((file) => gql(readFileSync(path.join(dir, file), 'utf8')));
}
