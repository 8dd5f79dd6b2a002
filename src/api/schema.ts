/** The SDL of schema/*.graphql (the source of truth), parsed with graphql-tag. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { DocumentNode } from 'graphql';
import { gql } from 'graphql-tag';
import { PROJECT_ROOT } from '../project-root.js';

/** The repo's schema/ folder. */
const SCHEMA_DIR = path.join(PROJECT_ROOT, 'schema');

export function loadTypeDefs(dir: string = SCHEMA_DIR): DocumentNode[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort();
  return files.map((file) => gql(readFileSync(path.join(dir, file), 'utf8')));
}
