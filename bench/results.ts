/** The shape of a benchmark run's results (written as JSON; report.ts renders Markdown from it). */
import type { LoadResult } from './load.js';
import type { ArmName } from './questions/operations.js';
import type { QuestionName, QuestionParams } from './questions/params.js';
import type { Neo4jTime } from './neo4j-time.js';
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
  seederElementsPerS: number;
  seederArticlesPerS: number;
  // The baselines' figures; null in a run without them (--growth: options.ts `baselines`).
  loadCsvMs: number | null;
  /** True when the LOAD CSV copy holds the same node/relationship counts as the seeded graph. */
  loadCsvSameCounts: boolean | null;
  rowPerTx: RowPerTxResult | null;
  loadCsvElementsPerS: number | null;
  rowPerTxElementsPerS: number | null;
  /** seeder elements/s ÷ row-per-tx elements/s. */
  seederVsRowPerTx: number | null;
  /** seeder elements/s ÷ LOAD CSV elements/s. */
  seederVsLoadCsv: number | null;
}

/** A seeding step's baseline figures (all null in a run without the baselines). */
export type SeedingBaselines = Pick<
  SeedingResult,
  | 'loadCsvMs'
  | 'loadCsvSameCounts'
  | 'rowPerTx'
  | 'loadCsvElementsPerS'
  | 'rowPerTxElementsPerS'
  | 'seederVsRowPerTx'
  | 'seederVsLoadCsv'
>;

export interface ScaleLatency {
  scale: number;
  question: QuestionName;
  p50Ms: number | null;
  p99Ms: number | null;
  reqPerSec: number;
}

/** Neo4j's own time for the floor's statement of a question at a scale (neo4j-time.ts). */
export interface Neo4jTimeRow extends Neo4jTime {
  scale: number;
  question: QuestionName;
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
  /** Absent from reports made before the growth run existed. */
  growth?: boolean;
  options: Record<string, unknown>;
  machine: MachineInfo;
  params: QuestionParams;
  seeding: SeedingResult[];
  scaleLatency: ScaleLatency[];
  /** Absent from reports made before it was measured. */
  neo4jTime?: Neo4jTimeRow[];
  checks: ArmCheck[];
  /** B's round trips for the nested question at two page sizes: constant means no N+1. */
  nestedRoundTrips: { pageSize: number; roundTrips: number }[];
  load: LoadRow[];
  peakRssMiB: Partial<Record<ArmName, number | null>>;
  targets: TargetResult[];
  notes: string[];
}
