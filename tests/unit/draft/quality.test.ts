import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { linesToWrite, precision, recall } from '../../../src/draft/quality.js';

describe('quality measures', () => {
  it('recall and precision of a score, 1 when nothing was expected or proposed', () => {
    expect(recall({ found: 3, expected: 4, proposed: 6 })).toBe(0.75);
    expect(precision({ found: 3, expected: 4, proposed: 6 })).toBe(0.5);
    expect(recall({ found: 0, expected: 0, proposed: 2 })).toBe(1);
    expect(precision({ found: 0, expected: 3, proposed: 0 })).toBe(1);
  });

  it('lines to write: the annotation lines the draft lacks; todo lists do not count', () => {
    const annotation = {
      article: { slug: 'a', title: 'T' },
      quotes: [{ id: 'q', text: 'x', translation: { en: 'y' } }],
    };
    const draft = stringify({
      article: { slug: 'a', title: 'T', todo: ['claims: add them'] },
      quotes: [{ id: 'q', text: 'x', translation: { en: 'TODO' }, todo: ['translate'] }],
    });
    const lines = linesToWrite(draft, annotation);
    expect(lines.fromScratch).toBe(stringify(annotation).trim().split('\n').length);
    // Only the translation line differs.
    expect(lines.fromDraft).toBe(1);
    expect(linesToWrite('', annotation).fromDraft).toBe(lines.fromScratch);
  });
});
