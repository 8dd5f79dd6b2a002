/** The report's verdicts: targets judged on the measurements, never on rounded ratios. */
import { describe, expect, it } from 'vitest';
import type { QuestionName } from '../../../bench/questions/params.js';
import type { BenchResults, LoadRow, SeedingResult } from '../../../bench/results.js';
import { evaluateTargets } from '../../../bench/targets.js';

function seeding(seeder: number, loadCsv: number, rowPerTx: number): SeedingResult {
  const round2 = (x: number) => Math.round(x * 100) / 100;
  return {
    scale: 10000,
    articles: 9000,
    elements: 927860,
    seederMs: 72624,
    loadCsvMs: 35976,
    loadCsvSameCounts: true,
    rowPerTx: {
      sampledNodes: 300,
      sampledRels: 600,
      msPerNode: 5,
      msPerRel: 5,
      estimatedMs: 4.7e6,
    },
    seederElementsPerS: seeder,
    seederArticlesPerS: 123.9,
    loadCsvElementsPerS: loadCsv,
    rowPerTxElementsPerS: rowPerTx,
    // As the runner stores them: rounded to 2 digits, for the report's table.
    seederVsRowPerTx: round2(seeder / rowPerTx),
    seederVsLoadCsv: round2(seeder / loadCsv),
  };
}

function resultsWith(...s: SeedingResult[]): BenchResults {
  return {
    startedAt: '2026-12-02T05:41:51.000Z',
    finishedAt: '2026-12-02T05:50:32.000Z',
    totalS: 541,
    quick: false,
    options: {},
    machine: {
      cpuModel: 'test',
      cores: 2,
      memoryGiB: 24,
      os: 'Linux',
      node: 'v20',
      neo4j: '5.26',
      neo4jHeap: '2g',
      neo4jPageCache: '1g',
      packages: {},
      loadAverage: { start: 0, end: 0 },
    },
    params: {} as BenchResults['params'],
    seeding: s,
    scaleLatency: [],
    checks: [],
    nestedRoundTrips: [],
    load: [],
    peakRssMiB: {},
    targets: [],
    notes: [],
  };
}

const verdict = (r: BenchResults, prefix: string) => {
  const found = evaluateTargets(r).find((t) => t.target.startsWith(prefix));
  if (!found) throw new Error(`no target starting with ${prefix}`);
  return found;
};

describe('seeding targets', () => {
  it('a ratio just under the threshold is missed, though it rounds to it', () => {
    // 12,776.1 / 25,791.3 = 0.4954: the report's table shows 0.5×.
    const r = resultsWith(seeding(12776.1, 25791.3, 196.9));
    expect(r.seeding[0]!.seederVsLoadCsv).toBe(0.5);
    const csv = verdict(r, 'Seeding (10000 articles): seeder ≥ 0.5× LOAD CSV');
    expect(csv.met).toBe(false);
    expect(csv.detail).toContain('0.495×');
    expect(verdict(r, 'Seeding (10000 articles): seeder ≥ 20×').met).toBe(true);
  });

  it('at or above the threshold is met; under 20× one row per transaction is missed', () => {
    const r = resultsWith(seeding(12900, 25800, 650));
    expect(verdict(r, 'Seeding (10000 articles): seeder ≥ 0.5× LOAD CSV').met).toBe(true);
    const rowPerTx = verdict(r, 'Seeding (10000 articles): seeder ≥ 20×');
    expect(rowPerTx.met).toBe(false);
    expect(rowPerTx.detail).toContain('19.846×');
  });
});

/** A 1-connection load row of an arm (the other fields as the runner writes them). */
function c1(
  arm: LoadRow['arm'],
  question: QuestionName,
  reqPerSec: number,
  p50Ms: number,
): LoadRow {
  return {
    arm,
    question,
    connections: 1,
    durationS: 2.5,
    requests: Math.round(reqPerSec * 2.5),
    reqPerSec,
    p50Ms,
    p99Ms: p50Ms * 2,
    errors: 0,
  };
}

const scaleRow = (scale: number, question: QuestionName, p50Ms: number) => ({
  scale,
  question,
  p50Ms,
  p99Ms: p50Ms * 2,
  reqPerSec: 1000 / p50Ms,
});

describe('floor targets', () => {
  it("A is never beaten: a question where B's req/s at 1 connection is above A's misses", () => {
    const r = resultsWith();
    r.load = [
      c1('A', 'lookup', 500, 2),
      c1('B', 'lookup', 450, 2.2),
      c1('A', 'list', 400, 2.5),
      c1('B', 'list', 410, 2.4),
    ];
    const floor = verdict(r, "Floor: A's req/s ≥ B's at 1 connection");
    expect(floor.met).toBe(false);
    expect(floor.detail).toContain('lookup: A 500 vs B 450 req/s;');
    expect(floor.detail).toContain('list: A 400 vs B 410 req/s ✗');
    // Questions without a measurement are not silently met.
    expect(floor.detail).toContain('nested: not measured');
  });

  it("B's p50 is judged against 3× Neo4j's mean time at the comparison scale", () => {
    const r = resultsWith();
    r.options = { compareScale: 1000 };
    r.load = [
      c1('B', 'lookup', 500, 2),
      c1('B', 'list', 400, 2.5),
      c1('B', 'search', 300, 3.1),
      c1('B', 'path', 300, 3),
    ];
    r.neo4jTime = [
      { scale: 100, question: 'lookup', runs: 900, meanMs: 5, p50Ms: 5 }, // another scale: ignored
      { scale: 1000, question: 'lookup', runs: 900, meanMs: 0.7, p50Ms: 1 },
      { scale: 1000, question: 'list', runs: 800, meanMs: 0.9, p50Ms: 1 },
      { scale: 1000, question: 'search', runs: 300, meanMs: 1, p50Ms: 1 },
      { scale: 1000, question: 'path', runs: 300, meanMs: 0, p50Ms: 0 },
    ];
    const limit = verdict(r, 'Physical limit');
    expect(limit.met).toBe(false);
    expect(limit.detail).toContain('lookup: 2 vs 0.7 ms = 2.86×;');
    expect(limit.detail).toContain('list: 2.5 vs 0.9 ms = 2.78×;');
    expect(limit.detail).toContain('search: 3.1 vs 1 ms = 3.1× ✗');
    expect(limit.detail).toContain('path: 3 vs 0 ms = below resolution ✗');
    r.neo4jTime = r.neo4jTime.map((t) => ({ ...t, meanMs: Math.max(t.meanMs, 1.1) }));
    expect(verdict(r, 'Physical limit').met).toBe(true);
  });
});

describe('search and growth targets', () => {
  it('search at most 2× lookup, at 1,000 and 10,000 articles; says when 10,000 is not in the run', () => {
    const r = resultsWith();
    r.scaleLatency = [
      scaleRow(100, 'search', 50),
      scaleRow(100, 'lookup', 2),
      scaleRow(1000, 'search', 4),
      scaleRow(1000, 'lookup', 2),
    ];
    const only1000 = verdict(r, 'Search: B p50 ≤ 2×');
    expect(only1000.met).toBe(true);
    expect(only1000.target).toContain('not all in this run');
    expect(only1000.detail).toBe('1000 articles: 4 vs 2 ms = 2×');
    r.scaleLatency.push(scaleRow(10000, 'search', 4.5), scaleRow(10000, 'lookup', 2));
    const both = verdict(r, 'Search: B p50 ≤ 2×');
    expect(both.met).toBe(false);
    expect(both.target).not.toContain('not all in this run');
    expect(both.detail).toContain('10000 articles: 4.5 vs 2 ms = 2.25× ✗');
  });

  it('a one-scale run takes B at 1 connection from the comparison load', () => {
    const r = resultsWith();
    r.options = { compareScale: 100 };
    r.load = [c1('B', 'search', 50, 20), c1('B', 'lookup', 500, 2)];
    const s = verdict(r, 'Search: B p50 ≤ 2×');
    expect(s.met).toBe(false);
    expect(s.detail).toBe('100 articles: 20 vs 2 ms = 10× ✗');
  });

  it('at 100,000 articles lookup, search and path within 1.5× of 1,000, seeding within 0.7×', () => {
    const seeded = (scale: number, eps: number) => ({
      ...seeding(eps, 1, 1),
      scale,
      ...{ loadCsvMs: null, loadCsvSameCounts: null, rowPerTx: null },
      ...{ loadCsvElementsPerS: null, rowPerTxElementsPerS: null },
      ...{ seederVsRowPerTx: null, seederVsLoadCsv: null },
    });
    const r = resultsWith(seeded(1000, 10000), seeded(10000, 9000), seeded(100000, 6900));
    r.growth = true;
    r.scaleLatency = [
      ...(['lookup', 'search', 'path'] as const).map((q) => scaleRow(1000, q, 2)),
      ...(['lookup', 'search', 'path'] as const).map((q) => scaleRow(10000, q, 2.5)),
      scaleRow(100000, 'lookup', 3),
      scaleRow(100000, 'search', 2.9),
      scaleRow(100000, 'path', 3.2),
    ];
    const scale = verdict(r, 'Scale: B p50 at 100000 articles ≤ 1.5× at 1000');
    expect(scale.met).toBe(false);
    expect(scale.detail).toBe(
      'lookup: 3 vs 2 ms = 1.5×; search: 2.9 vs 2 ms = 1.45×; path: 3.2 vs 2 ms = 1.6× ✗',
    );
    const throughput = verdict(r, 'Seeding: seeder throughput at 100000 articles ≥ 0.7× at 1000');
    expect(throughput.met).toBe(false);
    expect(throughput.detail).toBe('6900 vs 10000 elements/s = 0.69×');
    // Without the baselines there is nothing to judge LOAD CSV or one row per transaction on,
    // and the growth run has no time budget.
    const names = evaluateTargets(r).map((t) => t.target);
    expect(names.some((n) => n.includes('LOAD CSV') || n.includes('one row per'))).toBe(false);
    expect(names.some((n) => n.startsWith('Run time'))).toBe(false);
  });
});

/** A load row of an arm at any connection count. */
function at(
  arm: LoadRow['arm'],
  question: QuestionName,
  connections: number,
  reqPerSec: number,
  p99Ms: number,
): LoadRow {
  return { ...c1(arm, question, reqPerSec, 1), connections, p99Ms };
}

describe('overhead, peer, N+1 and run-time targets', () => {
  it('B against A: p50 at 1 connection ≤ 1.25×, saturated (best over connections) req/s ≥ 0.8×', () => {
    const r = resultsWith();
    r.load = [
      c1('A', 'nested', 30, 10),
      c1('B', 'nested', 25, 12.5),
      at('A', 'nested', 8, 100, 90),
      at('B', 'nested', 8, 79, 95),
      c1('A', 'lookup', 500, 2),
      c1('B', 'lookup', 380, 2.6),
      at('A', 'lookup', 8, 1000, 10),
      at('B', 'lookup', 8, 800, 12),
    ];
    const p50 = verdict(r, 'GraphQL overhead: B p50');
    expect(p50.detail).toContain('lookup: 1.3× ✗');
    expect(p50.detail).toContain('nested: 1.25×;');
    const saturated = verdict(r, 'GraphQL overhead: B saturated');
    expect(saturated.detail).toContain('lookup: 0.8×;');
    expect(saturated.detail).toContain('nested: 0.79× ✗');
    expect(saturated.met).toBe(false);
  });

  it('B against C: saturated ≥ 1.5× on nested and list; p99 at most C’s at every connection count', () => {
    const r = resultsWith();
    r.load = [
      at('B', 'nested', 1, 30, 50),
      at('C', 'nested', 1, 10, 60),
      at('B', 'nested', 8, 45, 200),
      at('C', 'nested', 8, 30, 190),
      at('B', 'list', 1, 300, 5),
      at('C', 'list', 1, 150, 9),
    ];
    const peer = verdict(r, 'Peer: B saturated');
    expect(peer.detail).toBe('nested: 1.5×; list: 2×');
    expect(peer.met).toBe(true);
    const p99 = verdict(r, 'Peer: B p99');
    expect(p99.detail).toContain('nested: c1 50/60 ms, c8 200/190 ms ✗');
    // list has no 8-connection rows: not measured, so not met.
    expect(p99.detail).toContain('list: not measured');
    expect(p99.met).toBe(false);
  });

  it('no N+1: the same round trips at both page sizes, and B ≥ 3× D on nested', () => {
    const r = resultsWith();
    r.nestedRoundTrips = [
      { pageSize: 5, roundTrips: 1 },
      { pageSize: 20, roundTrips: 1 },
    ];
    r.load = [at('B', 'nested', 8, 30, 1), at('D', 'nested', 8, 10.5, 1)];
    expect(verdict(r, 'No N+1: B round trips').met).toBe(true);
    const d = verdict(r, 'No N+1: B saturated');
    expect(d.detail).toBe('nested: 2.86× ✗');
    r.nestedRoundTrips[1]!.roundTrips = 2;
    expect(verdict(r, 'No N+1: B round trips').met).toBe(false);
    r.load = [at('B', 'nested', 8, 30, 1), at('D', 'nested', 8, 0, 1)];
    expect(verdict(r, 'No N+1: B saturated').detail).toBe(
      'nested: D completed no request; B 30 req/s',
    );
  });

  it('run time: 10 minutes for the default run, 2 for --quick', () => {
    const r = resultsWith();
    r.totalS = 599;
    expect(verdict(r, 'Run time: default run under 10 min').met).toBe(true);
    r.quick = true;
    r.totalS = 121;
    expect(verdict(r, 'Run time: --quick run under 2 min').met).toBe(false);
  });
});
