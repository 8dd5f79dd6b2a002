/**
 * Finds which sentences mention which entity, from the entity's names, aliases and forms.
 * Matching is case-insensitive and whole-word: a surface form must not touch a letter or
 * digit on either side, nor a hyphen joined to one (Kazakh compounds: `сауда` is not found
 * in `сауда-экономикалық`, nor `ҚР` in `ҚР-дың` — list such forms explicitly). Longer forms
 * win over shorter ones at the same place (one match per position per entity).
 */
import type { SentenceSpan } from './sentences.js';

export interface EntitySurface {
  id: string;
  /** Every name, alias and form: what counts as a mention. */
  surfaces: readonly string[];
}

export interface Mention {
  sentenceIndex: number;
  entityId: string;
  /** The distinct surface forms found, as written in the sentence, in order of first use. */
  forms: string[];
  count: number;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One regexp per entity: its surfaces, longest first, bounded by non-word characters. */
export function surfaceRegExp(surfaces: readonly string[]): RegExp | null {
  const distinct = [...new Set(surfaces.map((s) => s.trim()).filter((s) => s !== ''))];
  if (distinct.length === 0) return null;
  distinct.sort((a, b) => b.length - a.length);
  const alternation = distinct.map(escapeRegExp).join('|');
  const before = '(?<![\\p{L}\\p{N}])(?<![\\p{L}\\p{N}]-)';
  const after = '(?![\\p{L}\\p{N}])(?!-[\\p{L}\\p{N}])';
  return new RegExp(`${before}(?:${alternation})${after}`, 'giu');
}

export function findMentions(
  sentences: readonly SentenceSpan[],
  entities: readonly EntitySurface[],
): Mention[] {
  const mentions: Mention[] = [];
  for (const entity of entities) {
    const re = surfaceRegExp(entity.surfaces);
    if (!re) continue;
    for (const sentence of sentences) {
      const found = sentence.text.match(re);
      if (!found) continue;
      mentions.push({
        sentenceIndex: sentence.index,
        entityId: entity.id,
        forms: [...new Set(found)],
        count: found.length,
      });
    }
  }
  return mentions;
}
