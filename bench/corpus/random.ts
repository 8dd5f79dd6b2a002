/** A small seeded PRNG (mulberry32): the same seed number always gives the same corpus. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(minInclusive: number, maxInclusive: number): number {
    return minInclusive + Math.floor(this.next() * (maxInclusive - minInclusive + 1));
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('Random.pick: empty list');
    return item;
  }

  /**
   * A long-tailed pick: low indexes are chosen far more often (a few famous entities, many
   * rarely mentioned ones), like real news.
   */
  pickSkewed<T>(items: readonly T[], skew = 2.5): T {
    const item = items[Math.floor(Math.pow(this.next(), skew) * items.length)];
    if (item === undefined) throw new Error('Random.pickSkewed: empty list');
    return item;
  }

  /** `count` distinct items, skewed towards the head of the list. */
  pickDistinct<T>(items: readonly T[], count: number, skew = 2.5): T[] {
    const chosen = new Set<T>();
    for (
      let guard = 0;
      chosen.size < Math.min(count, items.length) && guard < count * 50;
      guard++
    ) {
      chosen.add(this.pickSkewed(items, skew));
    }
    return [...chosen];
  }
}
