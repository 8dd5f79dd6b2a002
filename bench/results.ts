/** The shape of a benchmark run's results (written as JSON; report.ts renders Markdown from it). */
import type { LoadResult } from './load.js';
import type { ArmName } from './questions/operations.js';
import type { QuestionName, QuestionParams } from './questions/params.js';
import type { RowPerTxResult } from './seeding/row-per-tx.js';

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  neo4j: string;
  neo4jHeap: string;
  neo4jPageCache: string;
  packages: Record<string, string>;
  /** 1-minute load average at the start and at the end of the run (other work on the machine). */
  loadAverage: { start: number; end: number };
}

export interface SeedingResult {
  scale: number;
  /** Articles added at this step (the corpus grows from the previous scale). */
  articles: number;
  /** Graph elements (nodes + relationships) those articles added. */
  elements: number;
  seederMs: number;
  loadCsvMs: number;
  /** True when the LOAD CSV copy holds the same node/relationship counts as the seeded graph. */
  loadCsvSameCounts: boolean;
  rowPerTx: RowPerTxResult;
  seederElementsPerS: number;
  seederArticlesPerS: number;
  loadCsvElementsPerS: number;
  rowPerTxElementsPerS: number;
  /** seeder elements/s ÷ row-per-tx elements/s. */
  seederVsRowPerTx: number;
  /** seeder elements/s ÷ LOAD CSV elements/s. */
  seederVsLoadCsv: number;
}

export interface ScaleLatency {
  scale: number;
  question: QuestionName;
  p50Ms: number | null;
  p99Ms: number | null;
  reqPerSec: number;
}

export interface ArmCheck {
  arm: ArmName;
  question: QuestionName;
  /** Agrees with the floor's answer (A is the reference). */
  agrees: boolean;
  /** Why not, when it does not. */
  detail?: string;
  roundTrips: number;
}

export interface LoadRow extends LoadResult {
  arm: ArmName;
  question: QuestionName;
}

export interface TargetResult {
  target: string;
  met: boolean;
  detail: string;
}

export interface BenchResults {
  startedAt: string;
  finishedAt: string;
  totalS: number;
  quick: boolean;
  options: Record<string, unknown>;
  machine: MachineInfo;
  params: QuestionParams;
  seeding: SeedingResult[];
  scaleLatency: ScaleLatency[];
  checks: ArmCheck[];
  /** B's round trips for the nested question at two page sizes: constant means no N+1. */
  nestedRoundTrips: { pageSize: number; roundTrips: number }[];
  load: LoadRow[];
  peakRssMiB: Partial<Record<ArmName, number | null>>;
  targets: TargetResult[];
  notes: string[];
}
