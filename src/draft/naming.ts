/**
 * Names and ids proposed for new entities: Russian and English by transliteration (Kazakh
 * letters folded into Russian ones, then the language module's Latin spelling), ids as
 * `<kind>/<slug>`. Transliteration is right for most personal names and wrong for established
 * ones, so every proposal it makes is marked for review.
 */
import { cyrillicToLatin } from '../language/index.js';

import type { EntityKind } from './model.js';

export const russianToEnglish = (text: string): string =>
  cyrillicToLatin(text, 'press').replace(/[«»"]/g, '');

/** `Alikhan Smailov` → `alikhan-smailov`. */
export function slug(text: string): string {
  return (
    cyrillicToLatin(text, 'press')
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .split('-')
      .slice(0, 8)
      .join('-') || 'x'
  );
}

const PREFIX: Partial<Record<EntityKind, string>> = {
  Country: 'country',
  Person: 'person',
  Office: 'office',
  Organization: 'organization',
  Place: 'place',
  Event: 'event',
  Meeting: 'meeting',
  InfrastructureProject: 'infrastructure',
  Topic: 'topic',
};

export function entityId(kind: EntityKind, name: string): string {
  return `${PREFIX[kind] ?? kind.toLowerCase()}/${slug(name)}`;
}
