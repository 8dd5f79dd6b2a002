/**
 * Command-line options of `npm run bench`: a default run (< 10 min), a --quick one (< 2 min) and
 * the opt-in --growth run (1,000 → 10,000 → 100,000 articles; see bench/README.md for its time
 * and disk).
 */
export interface BenchOptions {
  quick: boolean;
  growth: boolean;
  /** Corpus sizes, ascending; each is seeded on top of the previous one (the corpus is a prefix). */
  scales: number[];
  /** The scale at which all four arms are compared under load. */
  compareScale: number;
  connections: number[];
  warmupS: number;
  durationS: number;
  /** Duration of B's 1-connection latency run at each scale. */
  scaleDurationS: number;
  /** The longest a load measurement is stretched to for slow operations (see run.ts). */
  maxLoadDurationS: number;
  /** Timing of Neo4j's own time per question (neo4j-time.ts), at every scale. */
  neo4jTimeS: number;
  corpusSeed: number;
  /**
   * The seeding baselines (LOAD CSV into a second server, one row per transaction). They hold a
   * dump of the whole graph in the runner's memory, so the growth run leaves them out.
   */
  baselines: boolean;
  /** Articles per seeder call (0: a scale's articles in one call). */
  seedChunk: number;
  rowPerTxSample: { nodes: number; rels: number };
  /** The main Neo4j's memory (BENCH_NEO4J_HEAP / BENCH_NEO4J_PAGECACHE override). */
  neo4jHeap: string;
  neo4jPageCache: string;
  outDir: string;
}

const DEFAULTS: Omit<BenchOptions, 'quick' | 'growth' | 'outDir'> = {
  scales: [100, 1000],
  compareScale: 1000,
  connections: [1, 8, 32],
  // Runs keep to these to 0.1 s (load.ts); they once ran to the next whole second.
  warmupS: 1,
  durationS: 2.5,
  scaleDurationS: 2,
  maxLoadDurationS: 15,
  neo4jTimeS: 0.8,
  corpusSeed: 42,
  baselines: true,
  seedChunk: 0,
  rowPerTxSample: { nodes: 300, rels: 600 },
  neo4jHeap: '2g',
  neo4jPageCache: '1g',
};

const QUICK: Partial<BenchOptions> = {
  scales: [100],
  compareScale: 100,
  connections: [1, 8],
  // 48 measurements: each 0.1 s saved is ~5 s of the 2-minute budget.
  warmupS: 0.1,
  durationS: 0.4,
  scaleDurationS: 0.4,
  maxLoadDurationS: 3,
  neo4jTimeS: 0.3,
  rowPerTxSample: { nodes: 50, rels: 100 },
};

/**
 * A year of news: the all-arm comparison stays at 1,000 articles (at 1 and 8 connections); B's
 * latency and Neo4j's own time are measured at every scale. Seeded in calls of 10,000 articles
 * (as a newsroom would seed, day by day; one call of 90,000 would validate them all in memory
 * first). The graph of 100,000 articles (about 10 million elements) is a few GB on disk: the
 * page cache is sized to hold it and the heap for the seeder's batches.
 */
const GROWTH: Partial<BenchOptions> = {
  scales: [1000, 10000, 100000],
  compareScale: 1000,
  connections: [1, 8],
  baselines: false,
  seedChunk: 10000,
  neo4jHeap: '4g',
  neo4jPageCache: '6g',
};

function intList(name: string, value: string): number[] {
  const items = value.split(',').map((v) => Number(v.trim()));
  if (items.length === 0 || items.some((n) => !Number.isInteger(n) || n < 1)) {
    throw new Error(
      `${name} must be a comma-separated list of positive integers, got ${JSON.stringify(value)}`,
    );
  }
  return items;
}

function positive(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0)
    throw new Error(`${name} must be a positive number, got ${JSON.stringify(value)}`);
  return n;
}

const USAGE = `npm run bench -- [--quick | --growth] [--scales 100,1000,10000] [--compare-scale 1000]
  [--connections 1,8,32] [--warmup 1] [--duration 2] [--scale-duration 2] [--seed 42] [--out bench/results]`;

const FLAGS = ['--quick', '--growth'];

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const quick = argv.includes('--quick');
  const growth = argv.includes('--growth');
  if (quick && growth) throw new Error(`--quick and --growth exclude each other\n${USAGE}`);
  const o: BenchOptions = {
    ...DEFAULTS,
    ...(quick ? QUICK : {}),
    ...(growth ? GROWTH : {}),
    quick,
    growth,
    outDir: growth ? 'bench/results/growth' : 'bench/results',
  };
  o.neo4jHeap = env.BENCH_NEO4J_HEAP ?? o.neo4jHeap;
  o.neo4jPageCache = env.BENCH_NEO4J_PAGECACHE ?? o.neo4jPageCache;
  let compareGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (FLAGS.includes(arg)) continue;
    const value = argv[i + 1];
    if (value === undefined) throw new Error(`${arg} needs a value\n${USAGE}`);
    i++;
    switch (arg) {
      case '--scales':
        o.scales = intList(arg, value).sort((a, b) => a - b);
        break;
      case '--compare-scale':
        o.compareScale = intList(arg, value)[0]!;
        compareGiven = true;
        break;
      case '--connections':
        o.connections = intList(arg, value);
        break;
      case '--warmup':
        o.warmupS = positive(arg, value);
        break;
      case '--duration':
        o.durationS = positive(arg, value);
        break;
      case '--scale-duration':
        o.scaleDurationS = positive(arg, value);
        break;
      case '--seed':
        o.corpusSeed = intList(arg, value)[0]!;
        break;
      case '--out':
        o.outDir = value;
        break;
      default:
        throw new Error(`unknown option ${arg}\n${USAGE}`);
    }
  }
  if (!compareGiven && !o.scales.includes(o.compareScale)) {
    o.compareScale = o.scales.filter((s) => s <= o.compareScale).at(-1) ?? o.scales[0]!;
  }
  if (!o.scales.includes(o.compareScale)) {
    throw new Error(
      `--compare-scale ${o.compareScale} must be one of --scales ${o.scales.join(',')}`,
    );
  }
  return o;
}
