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

  it('carries the vocabulary of government news: decrees with dates, signed documents, visits, planned meetings', () => {
    const many = [...generateArticles({ seed: 42, count: 50 })];
    const facts = many.flatMap((a) => a.annotation.facts);
    const own = many.flatMap((a) => a.annotation.entities);
    expect(facts.some((f) => f.type === 'APPOINTED' && f.pointInTime !== undefined)).toBe(true);
    expect(facts.some((f) => f.type === 'HOLDS_OFFICE' && f.startDate !== undefined)).toBe(true);
    expect(facts.some((f) => f.type === 'SIGNED' && f.pointInTime !== undefined)).toBe(true);
    expect(facts.some((f) => f.type === 'SIGNED_AT')).toBe(true);
    expect(facts.some((f) => f.type === 'DURING')).toBe(true);
    expect(own.some((e) => e.kind === 'Meeting' && e.status === 'PLANNED')).toBe(true);
    expect(own.some((e) => e.kind === 'Event' && e.eventType === 'OFFICIAL_VISIT')).toBe(true);
    // Only the article's own things are declared in it; the rest is the registry's.
    for (const a of many) {
      const registered = new Set(a.registered.map((e) => e.id));
      for (const e of a.annotation.entities) expect(registered.has(e.id)).toBe(false);
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
