/**
 * Grouping new articles into write batches (pure): consecutive articles, in corpus order,
 * until a batch holds `maxArticles` articles or `maxRows` planned rows. An article larger
 * than `maxRows` gets a batch of its own.
 */
import type { ArticlePlan } from './plan.js';
import { plannedRows } from './statement.js';

export interface BatchLimits {
  maxArticles: number;
  maxRows: number;
}

/**
 * The statement's time per article (bench/dev/seedperf-batchsize.ts, synthetic articles of
 * ~100 elements, 2 busy cores): ~40 ms alone, ~11-17 ms in batches of 10, ~6-8 ms of 25,
 * ~5-7 ms of 50, ~4-6 ms of 100. Past ~50 the gain is small while a failed batch costs more
 * to redo one by one. (LOAD CSV's baseline commits every 5,000 rows.)
 */
export const DEFAULT_BATCH_LIMITS: BatchLimits = { maxArticles: 50, maxRows: 5000 };

export function batchesOf<T>(
  items: readonly T[],
  planOf: (item: T) => ArticlePlan,
  limits: BatchLimits = DEFAULT_BATCH_LIMITS,
): T[][] {
  if (!(limits.maxArticles >= 1) || !(limits.maxRows >= 1))
    throw new Error(`batch limits must be at least 1, got ${JSON.stringify(limits)}`);
  const batches: T[][] = [];
  let current: T[] = [];
  let rows = 0;
  for (const item of items) {
    const size = plannedRows(planOf(item));
    if (
      current.length > 0 &&
      (current.length >= limits.maxArticles || rows + size > limits.maxRows)
    ) {
      batches.push(current);
      current = [];
      rows = 0;
    }
    current.push(item);
    rows += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
