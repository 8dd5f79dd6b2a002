/** The report's verdicts: targets judged on the measurements, never on rounded ratios. */
import { describe, expect, it } from 'vitest';
import type { BenchResults, SeedingResult } from '../../../bench/results.js';
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

function resultsWith(s: SeedingResult): BenchResults {
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
    seeding: [s],
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
