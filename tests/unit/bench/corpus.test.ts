/** The synthetic corpus: deterministic, a prefix at every scale, evidence that really occurs. */
import { describe, expect, it } from 'vitest';
import { generateArticles } from '../../../bench/generate-corpus.js';
import { annotationSchema } from '../../../src/seed/annotation-schema.js';

function occurrences(text: string, excerpt: string): number {
  let count = 0;
  for (let i = text.indexOf(excerpt); i >= 0; i = text.indexOf(excerpt, i + 1)) count++;
  return count;
}

describe('synthetic corpus', () => {
  const articles = [...generateArticles({ seed: 42, count: 30 })];

  it('is the same for the same seed, and smaller scales are prefixes of larger ones', () => {
    const again = [...generateArticles({ seed: 42, count: 10 })];
    expect(again).toEqual(articles.slice(0, 10));
    const other = [...generateArticles({ seed: 43, count: 10 })];
    expect(other.map((a) => a.text)).not.toEqual(again.map((a) => a.text));
  });

  it('matches the seed annotation schema', () => {
    for (const a of articles) expect(() => annotationSchema.parse(a.annotation)).not.toThrow();
  });

  it('quotes every evidence excerpt verbatim, exactly once', () => {
    for (const { text, annotation } of articles) {
      const excerpts = [
        ...annotation.facts.flatMap((f) => f.evidence),
        ...annotation.claims.flatMap((c) => c.evidence),
        ...annotation.numericFacts.flatMap((n) => n.evidence),
        ...annotation.quotes.map((q) => q.text),
      ];
      for (const e of excerpts) {
        const excerpt = typeof e === 'string' ? e : e.text;
        expect(occurrences(text, excerpt), `${annotation.article.slug}: ${excerpt}`).toBe(1);
      }
    }
  });

  it('reuses entities across articles with a long tail', () => {
    const uses = new Map<string, number>();
    for (const a of articles) {
      for (const e of a.registered)
        if (e.kind === 'Person') uses.set(e.id, (uses.get(e.id) ?? 0) + 1);
    }
    const counts = [...uses.values()].sort((a, b) => b - a);
    expect(counts[0]).toBeGreaterThan(2);
    expect(counts.filter((c) => c === 1).length).toBeGreaterThan(0);
  });
});
