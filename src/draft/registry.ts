/**
 * The registered entities a draft links to: the seeder's entity registry (src/seed/registry.ts),
 * read from the nearest `entities/` folder at or above the text's folder (or the folders
 * given), as the seeder would read it for an annotation next to the text.
 */
import path from 'node:path';
import type { EntityAnnotation } from '../seed/annotation-schema.js';
import { formatIssue } from '../seed/errors.js';
import { loadRegistry, registryDirsFor } from '../seed/registry.js';
import type { DraftEntity } from './model.js';

export function draftEntity(e: EntityAnnotation): DraftEntity {
  return {
    id: e.id,
    kind: e.kind,
    names: e.names,
    aliases: e.aliases,
    forms: e.forms,
    registered: true,
  };
}

interface DraftRegistry {
  dirs: string[];
  entities: DraftEntity[];
  byId: ReadonlyMap<string, DraftEntity>;
}

/** Reads the registry; its problems are the seeder's located messages. */
export function readDraftRegistry(
  textFile: string,
  dirs?: readonly string[],
): DraftRegistry | { errors: string[] } {
  const found = dirs?.map((d) => path.resolve(d)) ?? registryDirsFor([], [textFile]);
  const registry = loadRegistry(found);
  if (registry.issues.length > 0) return { errors: registry.issues.map(formatIssue) };
  const entities = [...registry.entities.values()].map((r) => draftEntity(r.entity));
  return { dirs: found, entities, byId: new Map(entities.map((e) => [e.id, e])) };
}
