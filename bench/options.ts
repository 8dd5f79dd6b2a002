/** Command-line options of `npm run bench`: a default run (< 10 min) and a --quick one (< 2 min). */
export interface BenchOptions {
  quick: boolean;
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
  corpusSeed: number;
  rowPerTxSample: { nodes: number; rels: number };
  outDir: string;
}

const DEFAULTS: Omit<BenchOptions, 'quick' | 'outDir'> = {
  scales: [100, 1000],
  compareScale: 1000,
  connections: [1, 8, 32],
  // Runs keep to these to 0.1 s (load.ts); they once ran to the next whole second.
  warmupS: 1,
  durationS: 2.5,
  scaleDurationS: 2,
  maxLoadDurationS: 15,
  corpusSeed: 42,
  rowPerTxSample: { nodes: 300, rels: 600 },
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
  rowPerTxSample: { nodes: 50, rels: 100 },
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

export const USAGE = `npm run bench -- [--quick] [--scales 100,1000,10000] [--compare-scale 1000]
  [--connections 1,8,32] [--warmup 1] [--duration 2] [--scale-duration 2] [--seed 42] [--out bench/results]`;

export function parseOptions(argv: string[]): BenchOptions {
  const quick = argv.includes('--quick');
  const o: BenchOptions = { ...DEFAULTS, ...(quick ? QUICK : {}), quick, outDir: 'bench/results' };
  let compareGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--quick') continue;
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
