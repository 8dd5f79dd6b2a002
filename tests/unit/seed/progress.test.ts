/** The start-up's progress lines: every step on a terminal, one line per phase elsewhere. */
import { describe, expect, it } from 'vitest';
import { linesFor, type SeedProgress } from '../../../src/seed/progress.js';

// A fresh database: 3 constraints and indexes to create, then 5 articles in two batches.
const run: SeedProgress[] = [
  { step: 'schema', inPlace: 0, total: 3, created: 0, just: null, online: false },
  { step: 'schema', inPlace: 1, total: 3, created: 1, just: 'article_id_unique', online: false },
  { step: 'schema', inPlace: 2, total: 3, created: 2, just: 'meeting_date', online: false },
  { step: 'schema', inPlace: 3, total: 3, created: 3, just: 'entity_names', online: false },
  { step: 'schema', inPlace: 3, total: 3, created: 3, just: null, online: true },
  { step: 'articles', written: 0, total: 5, skipped: 1 },
  { step: 'articles', written: 3, total: 5, skipped: 1 },
  { step: 'articles', written: 5, total: 5, skipped: 1 },
];

describe('seed progress lines', () => {
  it('on a terminal: each constraint or index, then the articles as batches commit', () => {
    expect(run.flatMap((p) => linesFor(p, true))).toEqual([
      'constraints and indexes: 0 of 3 in place, creating 3…',
      'constraints and indexes: 1 of 3 (created article_id_unique)',
      'constraints and indexes: 2 of 3 (created meeting_date)',
      'constraints and indexes: 3 of 3 (created entity_names)',
      'constraints and indexes: 3 of 3 online (3 created)',
      'seeding: 5 article(s) to write, 1 unchanged…',
      'seeding: 3 of 5 article(s) written…',
      // The last commit is said by the caller's summary of what was seeded.
    ]);
  });

  it('elsewhere: one line for the constraints and indexes (the summary is the seeding line)', () => {
    expect(run.flatMap((p) => linesFor(p, false))).toEqual([
      'constraints and indexes: 3 of 3 online (3 created)',
    ]);
  });

  it('a graph already set up and seeded: the schema is in place, nothing to write', () => {
    const again: SeedProgress[] = [
      { step: 'schema', inPlace: 3, total: 3, created: 0, just: null, online: false },
      { step: 'schema', inPlace: 3, total: 3, created: 0, just: null, online: true },
      { step: 'articles', written: 0, total: 0, skipped: 6 },
    ];
    expect(again.flatMap((p) => linesFor(p, true))).toEqual([
      'constraints and indexes: all 3 in place',
      'constraints and indexes: 3 of 3 online (0 created)',
    ]);
    expect(again.flatMap((p) => linesFor(p, false))).toEqual([
      'constraints and indexes: 3 of 3 online (0 created)',
    ]);
  });
});
