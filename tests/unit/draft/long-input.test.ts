/**
 * A long input (the size the draft tool takes at most) is drafted whole: the text of many
 * articles, each naming people and bodies of its own, so the lexicon grows as the text does.
 * How fast is measured, not asserted here (docs/drafting.md); the test's own timeout stands
 * for "never hangs".
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftArticle } from '../../../src/draft/draft.js';
import { draftEntity } from '../../../src/draft/registry.js';
import { DEFAULT_SEEDS_DIR } from '../../../src/seed/index.js';
import { loadRegistry } from '../../../src/seed/registry.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/draft');
const registry = [
  ...loadRegistry([path.join(DEFAULT_SEEDS_DIR, 'entities')]).entities.values(),
].map((r) => draftEntity(r.entity));

/** Russian articles, each copy's capitalised words made new names (`Мурат` → `Мубарат`). */
function longText(bytes: number): string {
  const articles = readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.ru.txt'))
    .map((f) => readFileSync(path.join(FIXTURES, f), 'utf8'));
  const syllables = [...'бвгджзклмнпрст'].flatMap((c) => [...'аоуые'].map((v) => c + v));
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const tag = syllables[i % syllables.length]! + syllables[Math.floor(i / syllables.length)]!;
    const copy = articles[i % articles.length]!.replace(
      /(?<![\p{L}])(\p{Lu}\p{Ll})(\p{Ll}{2,})/gu,
      (_, head: string, rest: string) => head + tag + rest,
    );
    parts.push(copy);
    size += Buffer.byteLength(copy) + 1;
  }
  return parts.join('\n');
}

/** Just under the 256 kB the draft tool takes (src/draft/input.ts). */
const LONGEST = 252 * 1024;

describe('a long input', () => {
  it('drafts the longest accepted text whole, every copy’s new names proposed', () => {
    const full = longText(LONGEST);
    const half = full.slice(0, full.lastIndexOf('\n', full.length / 2));
    const halfDraft = draftArticle(half, { registry, language: 'ru' });
    const fullDraft = draftArticle(full, { registry, language: 'ru' });
    // The copies name new people: the lexicon grows with the text.
    expect(fullDraft.candidates.length).toBeGreaterThan(1.8 * halfDraft.candidates.length);
    expect(fullDraft.sentences.length).toBeGreaterThan(1000);
  }, 120_000);
});
