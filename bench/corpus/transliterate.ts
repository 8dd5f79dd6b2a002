/**
 * Kazakh Cyrillic → Latin, for the English names of synthetic entities and their slugs: the
 * project's one table (src/language/transliterate.ts), in its Kazakh Latin scheme (`қ ғ ң` →
 * `q gh ng`) so that synthetic names stay as distinct as their Kazakh originals.
 */
import { cyrillicToLatin } from '../../src/language/index.js';

export function transliterate(text: string): string {
  return cyrillicToLatin(text, 'kazakh');
}

export function slugify(text: string): string {
  return transliterate(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
