/** The first article's text and a registry entity builder for the draft's unit tests. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_SEEDS_DIR } from '../../../src/seed/index.js';
import type { DraftEntity, EntityKind } from '../../../src/draft/model.js';

export const FIRST_ARTICLE_TEXT = readFileSync(
  path.join(DEFAULT_SEEDS_DIR, 'article-2022-08-25-smailov-mishustin.kk.txt'),
  'utf8',
);

export function entity(
  id: string,
  kind: EntityKind,
  names: DraftEntity['names'],
  aliases: string[] = [],
): DraftEntity {
  return { id, kind, names, aliases, forms: [], registered: true };
}
