/**
 * `npm run seed -- [paths…] [--dry-run] [--force]`
 *
 * Seeds annotation files (default: the repo's seeds/) into the Neo4j that the environment
 * names (src/config.ts: NEO4J_URI, or the local Neo4j on NEO4J_LOCAL_BOLT_PORT when unset).
 * Exit code 0 on success; 1 on invalid input (each problem printed as file:line:col path:
 * message) or a database error (each article that failed is named; the others are seeded);
 * 2 on bad arguments. --dry-run validates and prints what it would write without connecting
 * to Neo4j.
 */
import { ConfigError, loadConfig } from '../config.js';
import { createDriver } from '../graph/driver.js';
import { formatIssue, SeedValidationError, type SeedIssue } from './errors.js';
import { DEFAULT_SEEDS_DIR, planCorpus, seedCorpus, SeedWriteError } from './index.js';
import { planSummary } from './plan.js';
import { linesFor } from './progress.js';

const USAGE = `usage: npm run seed -- [paths…] [--dry-run] [--force]
  paths      annotation files (*.yaml) or folders of them (default: ${DEFAULT_SEEDS_DIR})
  --dry-run  validate and print what would be written; no database needed
  --force    rewrite articles whose content hash is unchanged`;

interface Args {
  paths: string[];
  dryRun: boolean;
  force: boolean;
}

function parseArgs(argv: readonly string[]): Args | string {
  const args: Args = { paths: [], dryRun: false, force: false };
  for (const arg of argv) {
    if (arg === '--dry-run') args.dryRun = true;
    else if (arg === '--force') args.force = true;
    else if (arg === '--help' || arg === '-h') return USAGE;
    else if (arg.startsWith('-')) return `unknown option ${arg}\n${USAGE}`;
    else args.paths.push(arg);
  }
  return args;
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    const help = args === USAGE;
    (help ? console.log : console.error)(args);
    return help ? 0 : 2;
  }
  const paths = args.paths.length > 0 ? args.paths : [DEFAULT_SEEDS_DIR];
  try {
    if (args.dryRun) {
      const onWarning = (w: SeedIssue) => console.warn(`warning: ${formatIssue(w)}`);
      for (const plan of planCorpus(paths, { onWarning })) {
        const { nodes, relationships } = planSummary(plan);
        const list = (c: Record<string, number>) =>
          Object.entries(c)
            .map(([k, n]) => `    ${k}: ${n}`)
            .join('\n');
        console.log(
          `${plan.articleId} (${plan.file}) is valid; a seed would write:\n  nodes\n${list(nodes)}\n  relationships\n${list(relationships)}`,
        );
      }
      console.log('dry run: nothing was written');
      return 0;
    }
    const config = loadConfig();
    const uri = config.neo4j.uri ?? `bolt://127.0.0.1:${config.neo4j.local.boltPort}`;
    const driver = createDriver(config, { uri });
    try {
      const report = await seedCorpus(driver, {
        database: config.neo4j.database,
        paths,
        force: args.force,
        log: (line) => console.log(line),
        onProgress: (progress) =>
          linesFor(progress, process.stdout.isTTY === true).forEach((l) => console.log(l)),
      });
      const counts = report.articles.reduce<Record<string, number>>((acc, a) => {
        acc[a.status] = (acc[a.status] ?? 0) + 1;
        return acc;
      }, {});
      console.log(
        `seeded ${report.articles.length} article(s) into ${uri} (${config.neo4j.database}): ` +
          Object.entries(counts)
            .map(([status, n]) => `${n} ${status}`)
            .join(', '),
      );
    } finally {
      await driver.close();
    }
    return 0;
  } catch (err) {
    if (err instanceof SeedValidationError) {
      for (const issue of err.issues) console.error(formatIssue(issue));
      console.error(`${err.issues.length} problem(s); nothing was written`);
    } else if (err instanceof SeedWriteError) {
      for (const f of err.failures)
        console.error(`${f.file}: ${f.articleId} not written: ${f.message}`);
      console.error(
        `${err.failures.length} article(s) failed at the database and left nothing behind; ` +
          `${err.report.articles.length} other(s) were seeded`,
      );
    } else if (err instanceof ConfigError) {
      console.error(err.message);
    } else {
      console.error(`seed failed: ${err instanceof Error ? err.message : String(err)}`);
    }
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
