/**
 * `npm run seed:schema`: writes seeds/annotation.schema.json from the zod schema, for editors
 * (`# yaml-language-server: $schema=./annotation.schema.json`). A test fails when it is stale.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { annotationJsonSchema, registryJsonSchema } from './annotation-schema.js';
import { DEFAULT_SEEDS_DIR } from './index.js';

export const ANNOTATION_JSON_SCHEMA_FILE = path.join(DEFAULT_SEEDS_DIR, 'annotation.schema.json');

/** The registry files' schema (seeds/entities/*.yaml point to it). */
export const REGISTRY_JSON_SCHEMA_FILE = path.join(DEFAULT_SEEDS_DIR, 'registry.schema.json');

/** The file's exact contents (stable: 2-space JSON and a final newline). */
export function annotationJsonSchemaText(): string {
  return `${JSON.stringify(annotationJsonSchema(), null, 2)}\n`;
}

export function registryJsonSchemaText(): string {
  return `${JSON.stringify(registryJsonSchema(), null, 2)}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  writeFileSync(ANNOTATION_JSON_SCHEMA_FILE, annotationJsonSchemaText());
  writeFileSync(REGISTRY_JSON_SCHEMA_FILE, registryJsonSchemaText());
  console.log(`wrote ${ANNOTATION_JSON_SCHEMA_FILE} and ${REGISTRY_JSON_SCHEMA_FILE}`);
}
