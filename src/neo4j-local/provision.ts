/**
 * Provisions the jars of Neo4j Community 5.26 from Maven Central with `mvn`.
 *
 * Why Maven: where no Docker engine runs, Maven Central is the one place a
 * real Neo4j can come from. The jars are cached under `.neo4j/lib-<version>`
 * (git-ignored) so only the first run downloads anything.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../project-root.js';

export const NEO4J_VERSION = '5.26.30';

export { PROJECT_ROOT };
export const LOCAL_NEO4J_ROOT = path.join(PROJECT_ROOT, '.neo4j');
// From the source tree, so it is found from dist/ too (tsc does not copy the POM).
const POM = path.join(PROJECT_ROOT, 'src', 'neo4j-local', 'pom.xml');

/** Thrown when the machine lacks what the local Neo4j needs; the message says what to install. */
export class MissingToolError extends Error {
  override name = 'MissingToolError';
}

/** Returns the `java` executable to use (JAVA_HOME first), after checking it is Java 17 or 21. */
export function findJava(): string {
  const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  const probe = spawnSync(java, ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new MissingToolError(
      `Java was not found (tried "${java}"). The local Neo4j ${NEO4J_VERSION} needs Java 17 or 21: ` +
        'install a JDK (e.g. `apt-get install openjdk-17-jre-headless`) or set JAVA_HOME, ' +
        'or point NEO4J_URI at a Neo4j you run yourself (e.g. `docker compose up neo4j`).',
    );
  }
  const match = /version "(\d+)/.exec(probe.stderr);
  const major = match ? Number(match[1]) : NaN;
  if (major !== 17 && major !== 21) {
    throw new MissingToolError(
      `Neo4j ${NEO4J_VERSION} runs on Java 17 or 21, but "${java}" is Java ${Number.isNaN(major) ? '?' : major}. ` +
        'Set JAVA_HOME to a Java 17 or 21 installation.',
    );
  }
  return java;
}

function findMaven(): string {
  const probe = spawnSync('mvn', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new MissingToolError(
      'Maven (`mvn`) was not found. The first start of the local Neo4j downloads its jars from ' +
        'Maven Central with Maven: install it (e.g. `apt-get install maven`), ' +
        'or point NEO4J_URI at a Neo4j you run yourself (e.g. `docker compose up neo4j`).',
    );
  }
  return 'mvn';
}

/**
 * Ensures the Neo4j jars are in the cache and returns the folder holding them.
 * The download goes to a temporary folder renamed into place, so an interrupted
 * download never leaves a half-filled cache behind.
 */
export async function ensureNeo4jJars(log: (line: string) => void = () => {}): Promise<string> {
  const libDir = path.join(LOCAL_NEO4J_ROOT, `lib-${NEO4J_VERSION}`);
  if (existsSync(path.join(libDir, `neo4j-${NEO4J_VERSION}.jar`))) return libDir;

  const mvn = findMaven();
  mkdirSync(LOCAL_NEO4J_ROOT, { recursive: true });
  const staging = `${libDir}.partial`;
  rmSync(staging, { recursive: true, force: true });
  log(`Downloading Neo4j Community ${NEO4J_VERSION} from Maven Central (first run only)…`);
  const result = await runMaven(
    mvn,
    [
      '-B',
      '-f',
      POM,
      'dependency:copy-dependencies',
      `-DoutputDirectory=${staging}`,
      '-DincludeScope=runtime',
      '-Dmdep.excludeTypes=pom',
    ],
    log,
  );
  if (result.status !== 0 || !existsSync(path.join(staging, `neo4j-${NEO4J_VERSION}.jar`))) {
    throw new Error(
      `Could not download Neo4j ${NEO4J_VERSION} with Maven (exit ${result.status}).\n` +
        result.output.trim(),
    );
  }
  renameSync(staging, libDir);
  writeFileSync(
    path.join(libDir, 'PROVENANCE.txt'),
    `Resolved from Maven Central by ${path.relative(PROJECT_ROOT, POM)}\n`,
  );
  log(
    `Neo4j jars cached in ${path.relative(PROJECT_ROOT, libDir)} (${readdirSync(libDir).length} files).`,
  );
  return libDir;
}

/** Progress of a Maven download, from the lines `mvn -B` prints. */
export interface MavenProgress {
  files: number;
  bytes: number;
}

const SIZE_UNITS: Record<string, number> = { B: 1, kB: 1e3, KB: 1e3, MB: 1e6, GB: 1e9 };

/**
 * Adds one line of Maven's output to `progress`: `Downloaded from central: <url> (1.2 MB at …)`
 * counts a file and its size. Returns true when the line was a download.
 */
export function countMavenDownload(line: string, progress: MavenProgress): boolean {
  const match = /^\[INFO\] Downloaded from [^:]+: \S+ \(([\d.,]+) (B|kB|KB|MB|GB)/.exec(line);
  if (!match) return false;
  progress.files += 1;
  progress.bytes += Number(match[1]!.replace(',', '')) * SIZE_UNITS[match[2]!]!;
  return true;
}

/** One progress line every this many files, on a terminal; elsewhere only the total. */
const PROGRESS_EVERY_FILES = 25;

/** Runs Maven without blocking, reporting how many files and bytes it has downloaded. */
function runMaven(
  mvn: string,
  args: string[],
  log: (line: string) => void,
): Promise<{ status: number | null; output: string }> {
  const progress: MavenProgress = { files: 0, bytes: 0 };
  const interactive = process.stdout.isTTY === true;
  const output: string[] = [];
  return new Promise((resolve, reject) => {
    const child = spawn(mvn, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      output.push(line);
      if (
        countMavenDownload(line, progress) &&
        interactive &&
        progress.files % PROGRESS_EVERY_FILES === 0
      ) {
        log(`  downloaded ${progress.files} files, ${formatMegabytes(progress.bytes)}…`);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (status) => {
      log(`Maven downloaded ${progress.files} files, ${formatMegabytes(progress.bytes)}.`);
      resolve({ status, output: output.slice(-200).join('\n') });
    });
  });
}

const formatMegabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
