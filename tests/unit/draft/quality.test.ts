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

  it('lines to write: per item, local ids and todo lists not counted', () => {
    const annotation = {
      article: { slug: 'a', title: 'T' },
      quotes: [{ id: 'keep-going', text: 'x', translation: { en: 'y' } }],
      claims: [{ id: 'c', summaryEn: 's' }],
    };
    const draft = stringify({
      article: { slug: 'a', title: 'T', todo: ['claims: add them'] },
      quotes: [{ id: 'x-2', text: 'x', translation: { en: 'TODO' }, todo: ['translate'] }],
    });
    // article: 3 lines; the quote: text, translation, en (its id is the draft's to keep); the
    // claim: summaryEn. To write: the translation's en and the whole claim.
    expect(linesToWrite(draft, annotation)).toMatchObject({ fromScratch: 7, fromDraft: 2 });
    expect(linesToWrite(draft, annotation).bySection).toEqual({
      article: { fromScratch: 3, fromDraft: 0 },
      quotes: { fromScratch: 3, fromDraft: 1 },
      claims: { fromScratch: 1, fromDraft: 1 },
    });
    expect(linesToWrite('', annotation)).toMatchObject({ fromScratch: 7, fromDraft: 7 });
  });

  it('lines to write: a claim is paired by its first evidence excerpt, not its local id', () => {
    const annotation = {
      article: { slug: 'a' },
      claims: [{ id: 'ours', claimType: 'POSITION', by: 'person/a', evidence: ['words'] }],
    };
    const draft = stringify({
      article: { slug: 'a' },
      claims: [{ id: 'theirs', claimType: 'POSITION', by: 'person/a', evidence: ['words'] }],
    });
    // article: 2 lines; claimType, by, evidence:, - words: all drafted.
    expect(linesToWrite(draft, annotation)).toMatchObject({ fromScratch: 6, fromDraft: 0 });
  });

  it('lines to write: items of one key are paired one to one, each with its closest draft item', () => {
    const holding = { type: 'HOLDS_OFFICE', from: 'person/a', to: 'office/b' };
    const annotation = {
      article: { slug: 'a' },
      facts: [
        { id: 'appointed', ...holding, current: true, evidence: ['appointed'] },
        { id: 'acting', ...holding, acting: true, current: false, evidence: ['acting'] },
      ],
    };
    const both = stringify({
      article: { slug: 'a' },
      facts: [
        { id: 'x', ...holding, acting: true, current: false, evidence: ['acting'] },
        { id: 'y', ...holding, current: true, evidence: ['appointed'] },
      ],
    });
    // article: 2 lines; the facts 6 and 7 (type, from, to, current, acting, evidence:, - …).
    expect(linesToWrite(both, annotation)).toMatchObject({ fromScratch: 15, fromDraft: 0 });
    // One drafted holding stands for one of the two, not for both.
    const one = stringify({
      article: { slug: 'a' },
      facts: [{ id: 'x', ...holding, current: true, evidence: ['appointed'] }],
    });
    expect(linesToWrite(one, annotation)).toMatchObject({ fromScratch: 15, fromDraft: 7 });
  });
});
